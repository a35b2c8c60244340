package org.incidentlearning.kernel.error;

/** A command refused by a business rule or by its own shape; nothing is stored when it is thrown. */
public class IncidentRejection extends RuntimeException {

    private final ErrorCode code;

    public IncidentRejection(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }

    public static IncidentRejection invalid(String message) {
        return new IncidentRejection(ErrorCode.INVALID_INPUT, message);
    }
}
