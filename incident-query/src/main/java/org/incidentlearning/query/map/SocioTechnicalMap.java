package org.incidentlearning.query.map;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import org.incidentlearning.kernel.linkage.LinkageKind;
import org.incidentlearning.web.FieldLimits;
import org.incidentlearning.web.PathIds;
import org.incidentlearning.web.Uncapped;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The map the incidents have drawn: components and teams as nodes; every discovered link as an edge carrying its
 * provenance — the incidents that revealed it, when, under which condition, and whether people believed it gone.
 * One edge per (kind, from, to, condition): the same link found again adds its incident to {@code discoveredIn}.
 */
@Repository
public class SocioTechnicalMap {

    @Schema(name = "MapNode")
    public record Node(@Schema(maxLength = FieldLimits.LINK_END, description = "The component's or team's name")
                       String id,
                       @Schema(allowableValues = {"COMPONENT", "TEAM"}) String kind,
                       @Schema(minimum = "1") int edges) {
    }

    @Schema(name = "MapEdge")
    public record Edge(@Schema(maxLength = FieldLimits.LINK_END) String from,
                       @Schema(maxLength = FieldLimits.LINK_END) String to,
                       @Schema(implementation = LinkageKind.class) String kind,
                       @Nullable @Schema(maxLength = FieldLimits.TEXT) String condition,
                       boolean believedAbsent,
                       @ArraySchema(schema = @Schema(pattern = PathIds.PATTERN))
                       @Uncapped("every incident that revealed the link") List<String> discoveredIn,
                       Instant firstDiscoveredAt,
                       @ArraySchema(schema = @Schema(maxLength = FieldLimits.TEXT))
                       @Uncapped("one per different description of the link") List<String> descriptions) {
    }

    @Schema(name = "SocioTechnicalMap")
    public record Graph(@Uncapped("every component and team a link was found between") List<Node> nodes,
                        @Uncapped("every link found") List<Edge> edges) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    public SocioTechnicalMap(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Graph graph(String kind) {
        record Key(String kind, String from, String to, String condition) {
        }
        final class Accumulator {
            boolean believedAbsent;
            final Set<String> incidents = new LinkedHashSet<>();
            final Set<String> descriptions = new LinkedHashSet<>();
            Instant first;
        }
        Map<Key, Accumulator> edges = new LinkedHashMap<>();
        String where = kind == null ? "" : " WHERE kind = :kind";
        jdbc.query("SELECT kind, from_end, to_end, edge_condition, believed_absent, incident_id, description, "
                   + "discovered_at FROM map_edge" + where + " ORDER BY discovered_at, linkage_id",
                new MapSqlParameterSource("kind", kind), rs -> {
                    Accumulator edge = edges.computeIfAbsent(new Key(rs.getString(1), rs.getString(2),
                            rs.getString(3), rs.getString(4)), k -> new Accumulator());
                    edge.believedAbsent |= rs.getBoolean(5);
                    edge.incidents.add(rs.getString(6));
                    edge.descriptions.add(rs.getString(7));
                    if (edge.first == null) {
                        edge.first = rs.getTimestamp(8).toInstant();
                    }
                });
        Map<String, Node> nodes = new LinkedHashMap<>();
        List<Edge> result = new ArrayList<>();
        edges.forEach((key, edge) -> {
            String nodeKind = "TECHNICAL".equals(key.kind()) ? "COMPONENT" : "TEAM";
            for (String end : new String[]{key.from(), key.to()}) {
                nodes.merge(nodeKind + ":" + end, new Node(end, nodeKind, 1),
                        (a, b) -> new Node(a.id(), a.kind(), a.edges() + 1));
            }
            result.add(new Edge(key.from(), key.to(), key.kind(), key.condition(), edge.believedAbsent,
                    List.copyOf(edge.incidents), edge.first, List.copyOf(edge.descriptions)));
        });
        return new Graph(List.copyOf(nodes.values()), result);
    }

    /** Graphviz DOT: components as boxes, teams as ellipses, believed-absent links dashed, conditions as labels. */
    public static String dot(Graph graph) {
        StringBuilder dot = new StringBuilder("digraph socio_technical_map {\n  rankdir=LR;\n");
        for (Node node : graph.nodes()) {
            dot.append("  ").append(quoted(node.kind() + ":" + node.id())).append(" [label=")
                    .append(quoted(node.id())).append(", shape=")
                    .append("COMPONENT".equals(node.kind()) ? "box" : "ellipse").append("];\n");
        }
        for (Edge edge : graph.edges()) {
            String nodeKind = "TECHNICAL".equals(edge.kind()) ? "COMPONENT:" : "TEAM:";
            dot.append("  ").append(quoted(nodeKind + edge.from())).append(" -> ")
                    .append(quoted(nodeKind + edge.to())).append(" [");
            List<String> attributes = new ArrayList<>();
            if (edge.condition() != null) {
                attributes.add("label=" + quoted(edge.condition()));
            }
            if (edge.believedAbsent()) {
                attributes.add("style=dashed");
            }
            if ("SOCIAL".equals(edge.kind())) {
                attributes.add("color=blue");
            }
            attributes.add("tooltip=" + quoted("discovered in " + String.join(", ", edge.discoveredIn())));
            dot.append(String.join(", ", attributes)).append("];\n");
        }
        return dot.append("}\n").toString();
    }

    /** Mermaid flowchart text, for wikis and Markdown renderers. */
    public static String mermaid(Graph graph) {
        Map<String, String> ids = new LinkedHashMap<>();
        StringBuilder text = new StringBuilder("flowchart LR\n");
        for (Node node : graph.nodes()) {
            String id = "n" + ids.size();
            ids.put(node.kind() + ":" + node.id(), id);
            String label = node.id().replace("\"", "'");
            text.append("  ").append(id).append("COMPONENT".equals(node.kind()) ? "[\"" + label + "\"]"
                    : "([\"" + label + "\"])").append('\n');
        }
        for (Edge edge : graph.edges()) {
            String nodeKind = "TECHNICAL".equals(edge.kind()) ? "COMPONENT:" : "TEAM:";
            String arrow = edge.believedAbsent() ? " -.-> " : " --> ";
            String label = edge.condition() == null ? "" : "|\"" + edge.condition().replace("\"", "'") + "\"|";
            text.append("  ").append(ids.get(nodeKind + edge.from())).append(arrow).append(label)
                    .append(Objects.requireNonNull(ids.get(nodeKind + edge.to()))).append('\n');
        }
        return text.toString();
    }

    private static String quoted(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
