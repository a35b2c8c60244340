package org.incidentlearning.command.remediation;

import org.incidentlearning.kernel.error.ErrorCode;
import org.incidentlearning.kernel.error.IncidentRejection;
import org.incidentlearning.kernel.remediation.RemediationPriority;
import org.incidentlearning.kernel.remediation.RemediationState;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One remediation item inside an incident: who owns it and where it stands. The {@code check…} methods decide
 * whether a transition is allowed (and whether it would change anything); the {@code mark…} methods only apply state.
 */
public final class Remediation {

    private final String id;
    private final String team;
    private RemediationState state = RemediationState.PROPOSED;
    private RemediationPriority priority;
    private String priorityRationale;
    private LocalDate dueBy;
    private String completionNote;
    private String declineRationale;
    private String acceptedRisk;
    private LocalDate revisitBy;

    public Remediation(String id, String team) {
        this.id = id;
        this.team = team;
    }

    public String id() {
        return id;
    }

    public String team() {
        return team;
    }

    public RemediationState state() {
        return state;
    }

    /** @return false when the remediation already has exactly this priority (a no-op). */
    public boolean checkPrioritize(RemediationPriority newPriority, String rationale, LocalDate newDueBy) {
        if (state == RemediationState.COMPLETED || state == RemediationState.DECLINED) {
            throw conflict("cannot be prioritized: it is " + state + "; reopen it first");
        }
        return !(state == RemediationState.PRIORITIZED && priority == newPriority
                && Objects.equals(priorityRationale, rationale) && Objects.equals(dueBy, newDueBy));
    }

    /** @return false when it is already completed with the same note (a no-op). */
    public boolean checkComplete(String note) {
        if (state == RemediationState.DECLINED) {
            throw conflict("cannot be completed: the team decided not to remediate; reopen it first");
        }
        if (state == RemediationState.COMPLETED) {
            if (Objects.equals(completionNote, note)) {
                return false;
            }
            throw conflict("is already completed with another note");
        }
        return true;
    }

    /** @return false when it is already declined with the same rationale, risk and revisit date (a no-op). */
    public boolean checkDecline(String rationale, String risk, LocalDate revisit) {
        if (state == RemediationState.COMPLETED) {
            throw conflict("cannot be declined: it is already completed");
        }
        if (state == RemediationState.DECLINED) {
            if (Objects.equals(declineRationale, rationale) && Objects.equals(acceptedRisk, risk)
                    && Objects.equals(revisitBy, revisit)) {
                return false;
            }
            throw conflict("is already declined with another decision; reopen it to decide again");
        }
        return true;
    }

    /** @return false when it is already open (PROPOSED or PRIORITIZED): nothing to reopen. */
    public boolean checkReopen() {
        return state == RemediationState.COMPLETED || state == RemediationState.DECLINED;
    }

    public void checkDeclinedForRecurrence() {
        if (state != RemediationState.DECLINED) {
            throw new IncidentRejection(ErrorCode.RECURRENCE_NOT_ALLOWED,
                    "Remediation " + id + " is " + state + ", not declined: a recurrence links to a declined one");
        }
    }

    public void markPrioritized(RemediationPriority newPriority, String rationale, LocalDate newDueBy) {
        state = RemediationState.PRIORITIZED;
        priority = newPriority;
        priorityRationale = rationale;
        dueBy = newDueBy;
    }

    public void markCompleted(String note) {
        state = RemediationState.COMPLETED;
        completionNote = note;
    }

    public void markDeclined(String rationale, String risk, LocalDate revisit) {
        state = RemediationState.DECLINED;
        declineRationale = rationale;
        acceptedRisk = risk;
        revisitBy = revisit;
    }

    public void markReopened() {
        state = RemediationState.PROPOSED;
        priority = null;
        priorityRationale = null;
        dueBy = null;
        completionNote = null;
        declineRationale = null;
        acceptedRisk = null;
        revisitBy = null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Remediation that && id.equals(that.id) && team.equals(that.team)
               && state == that.state && priority == that.priority
               && Objects.equals(priorityRationale, that.priorityRationale) && Objects.equals(dueBy, that.dueBy)
               && Objects.equals(completionNote, that.completionNote)
               && Objects.equals(declineRationale, that.declineRationale)
               && Objects.equals(acceptedRisk, that.acceptedRisk) && Objects.equals(revisitBy, that.revisitBy);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, state);
    }

    private IncidentRejection conflict(String what) {
        return new IncidentRejection(ErrorCode.REMEDIATION_STATE_CONFLICT, "Remediation " + id + " " + what);
    }
}
