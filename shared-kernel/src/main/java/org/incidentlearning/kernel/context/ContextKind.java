package org.incidentlearning.kernel.context;

/** The context at the edges that shaped a team's decisions. */
public enum ContextKind {
    PRESSURE, INCENTIVE, CONSTRAINT, PRIORITY, CIRCUMSTANCE
}
