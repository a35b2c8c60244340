package org.incidentlearning.store.evolution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * IncidentDeclared as the first builds stored it (no revision): only incidentId, title, severity, startedAt,
 * detectedAt, summary, teams and components. Revision 2 added sourceId, impact, durationMinutes and references; an
 * old declaration had none of them, so it reads as a declaration by hand.
 */
@Component
@Order(1)
public class IncidentDeclaredUpcaster extends SingleEventUpcaster {

    /** The name as stored, on purpose not {@code IncidentDeclaredEvent.class.getName()}: history is not renamed. */
    static final String STORED_TYPE = "org.incidentlearning.kernel.incident.IncidentDeclaredEvent";

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return STORED_TYPE.equals(representation.getType().getName())
               && representation.getType().getRevision() == null;
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(new SimpleSerializedType(STORED_TYPE, "2"), JsonNode.class, node -> {
            ObjectNode declared = (ObjectNode) node;
            declared.putNull("sourceId");
            declared.putArray("impact");
            declared.putNull("durationMinutes");
            declared.putArray("references");
            return declared;
        });
    }
}
