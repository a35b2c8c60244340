package org.incidentlearning.kernel.incident;

/** SEV1 is the worst. The weight lets views score incidents by how loud the smoke was. */
public enum Severity {
    SEV1(16), SEV2(8), SEV3(4), SEV4(2), SEV5(1);

    private final int weight;

    Severity(int weight) {
        this.weight = weight;
    }

    public int weight() {
        return weight;
    }
}
