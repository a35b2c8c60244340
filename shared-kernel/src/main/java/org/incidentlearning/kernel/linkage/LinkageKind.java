package org.incidentlearning.kernel.linkage;

/** TECHNICAL links components; SOCIAL links teams. */
public enum LinkageKind {
    TECHNICAL, SOCIAL
}
