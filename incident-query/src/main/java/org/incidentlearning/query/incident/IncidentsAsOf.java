package org.incidentlearning.query.incident;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Iterator;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * An incident exactly as it stood at a past moment: its view rebuilt in memory by the same projection, from the events
 * recorded up to that moment. Amended and retracted entries show as they were believed then; recurrences other
 * incidents linked to it count if they were linked by then.
 */
@Component
public class IncidentsAsOf {

    private final EventStore eventStore;
    private final IncidentViews views;

    public IncidentsAsOf(EventStore eventStore, IncidentViews views) {
        this.eventStore = eventStore;
        this.views = views;
    }

    /** @return empty when the incident had not been declared by {@code asOf} */
    public Optional<IncidentView> asOf(String incidentId, Instant asOf) {
        return rebuild(incidentId, event -> !event.getTimestamp().isAfter(asOf), asOf);
    }

    /**
     * The incident as its first {@code version} events left it, with the recurrences linked up to
     * {@code recurrencesUpTo}: what a published artifact was rendered from.
     */
    public Optional<IncidentView> atVersion(String incidentId, long version, Instant recurrencesUpTo) {
        return rebuild(incidentId, event -> event.getSequenceNumber() < version, recurrencesUpTo);
    }

    private Optional<IncidentView> rebuild(String incidentId, Predicate<DomainEventMessage<?>> included,
                                           Instant recurrencesUpTo) {
        RememberedIncidentViews remembered = new RememberedIncidentViews(incidentId);
        AnnotationEventHandlerAdapter projection =
                new AnnotationEventHandlerAdapter(new IncidentViewProjection(remembered));
        Iterator<? extends DomainEventMessage<?>> events = eventStore.readEvents(incidentId).asStream().iterator();
        while (events.hasNext()) {
            DomainEventMessage<?> event = events.next();
            if (!included.test(event)) {
                break;
            }
            try {
                projection.handle(event);
            } catch (Exception e) {
                throw new IllegalStateException("Cannot rebuild incident " + incidentId + " from its events", e);
            }
        }
        return remembered.view().map(view -> {
            views.attachRecurrencesUpTo(view, recurrencesUpTo);
            return view;
        });
    }
}
