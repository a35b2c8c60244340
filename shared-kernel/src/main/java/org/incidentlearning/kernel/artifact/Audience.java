package org.incidentlearning.kernel.artifact;

/**
 * Who an artifact is rendered for. Engineers get everything recorded; executives get the decisions and the risk
 * accepted, without the candid context teams shared; customers get what happened to them and what is changing, with
 * internal team and system names left out.
 */
public enum Audience {
    ENGINEERING,
    EXECUTIVE,
    CUSTOMER
}
