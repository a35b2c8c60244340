package org.incidentlearning.command.template;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.incidentlearning.kernel.artifact.Archetype;
import org.incidentlearning.kernel.artifact.ArtifactSection;
import org.incidentlearning.kernel.artifact.DefineTemplateCommand;
import org.incidentlearning.kernel.artifact.ReviseTemplateCommand;
import org.incidentlearning.kernel.artifact.TemplateDefinedEvent;
import org.incidentlearning.kernel.artifact.TemplateDefinition;
import org.incidentlearning.kernel.artifact.TemplateRevisedEvent;
import org.incidentlearning.kernel.error.ErrorCode;
import org.incidentlearning.kernel.error.IncidentRejection;
import org.incidentlearning.kernel.incident.CommandMetadata;
import org.incidentlearning.kernel.incident.CommandResult;

import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A team's artifact template. Every change is a whole new version, so an artifact published from version 3 can be
 * rendered again from version 3 after version 4 exists. The template belongs to the team that defined it.
 */
@Aggregate
public class Template {

    @AggregateIdentifier
    private String templateId;
    private TemplateDefinedEvent definition;
    private String name;
    private Archetype archetype;
    private List<ArtifactSection> sections;
    private List<String> prompts;
    private String team;
    private int version;

    protected Template() {
        // Axon creates the template (CREATE_IF_MISSING) or rebuilds it from its events.
    }

    /** Defining the same template again is a no-op (a retried request); defining another under its id, a conflict. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public CommandResult handle(DefineTemplateCommand command) {
        TemplateDefinedEvent defined = new TemplateDefinedEvent(command.templateId(), 1, command.name(),
                command.archetype(), command.sections(), command.prompts(), command.team());
        if (definition != null) {
            if (version == 1 && definition.equals(defined)) {
                return new CommandResult(templateId, version, false);
            }
            throw new IncidentRejection(ErrorCode.TEMPLATE_EXISTS, "Template " + templateId
                    + " already exists (version " + version + "); revise it, or choose another id");
        }
        apply(defined);
        return new CommandResult(templateId, version, true);
    }

    @CommandHandler
    public CommandResult handle(ReviseTemplateCommand command) {
        TemplateDefinition.check(command.name(), archetype, command.sections(), command.prompts());
        if (command.name().equals(name) && command.sections().equals(sections) && command.prompts().equals(prompts)) {
            return new CommandResult(templateId, version, false);
        }
        apply(new TemplateRevisedEvent(templateId, version + 1, command.name(), command.sections(),
                command.prompts(), command.reason()));
        return new CommandResult(templateId, version, true);
    }

    /** A principal writing as a team revises only its own team's templates; {@code If-Match} guards lost updates. */
    @CommandHandlerInterceptor
    public Object checkRequest(CommandMessage<?> command, InterceptorChain chain) throws Exception {
        if (definition != null && command.getMetaData().get(CommandMetadata.ACTING_TEAM) instanceof String acting
            && !acting.equals(team)) {
            throw new IncidentRejection(ErrorCode.NOT_YOUR_TEAM, "Template " + templateId + " belongs to team '"
                    + team + "'; team '" + acting + "' may not change it");
        }
        if (command.getMetaData().get(CommandMetadata.EXPECTED_VERSION) instanceof Number expected
            && expected.longValue() != version) {
            throw new IncidentRejection(ErrorCode.STALE_VERSION, "Template " + templateId + " is at version "
                    + version + ", not " + expected + "; read it again and retry");
        }
        return chain.proceed();
    }

    @EventSourcingHandler
    void on(TemplateDefinedEvent event) {
        templateId = event.templateId();
        definition = event;
        name = event.name();
        archetype = event.archetype();
        sections = event.sections();
        prompts = event.prompts();
        team = event.team();
        version = event.version();
    }

    @EventSourcingHandler
    void on(TemplateRevisedEvent event) {
        name = event.name();
        sections = event.sections();
        prompts = event.prompts();
        version = event.version();
    }
}
