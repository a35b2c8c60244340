package org.incidentlearning.store.evolution;

import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.Set;
import java.util.function.Function;

/**
 * Events stored before events carried a revision read as revision 1, unchanged: their shape is revision 1's. Types
 * whose shape changed since have their own upcaster from "no revision" and are left to it. First in the chain, so
 * the upcasters of a later shape change start from revision 1.
 */
@Component
@Order(0)
public class UnrevisionedEventUpcaster extends SingleEventUpcaster {

    private static final String EVENT_PACKAGE = "org.incidentlearning.kernel.";
    private static final Set<String> SHAPE_CHANGED = Set.of(IncidentDeclaredUpcaster.STORED_TYPE);

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        String type = representation.getType().getName();
        return representation.getType().getRevision() == null
               && type.startsWith(EVENT_PACKAGE)
               && !SHAPE_CHANGED.contains(type);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        String type = representation.getType().getName();
        return representation.upcastPayload(new SimpleSerializedType(type, "1"), representation.getContentType(),
                Function.identity());
    }
}
