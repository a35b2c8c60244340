package org.incidentlearning.kernel.entry;

/** A command about an entry already recorded (a decision on a remediation, a correction), and so about its team. */
public interface TargetsEntry {

    String targetEntryId();
}
