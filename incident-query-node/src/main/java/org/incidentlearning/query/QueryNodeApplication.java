package org.incidentlearning.query;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The query side alone: projections and reads on the shared store (PostgreSQL, profile {@code postgres}). Several
 * such nodes share each processor's segments through Axon's token claims.
 */
@SpringBootApplication(scanBasePackages = {"org.incidentlearning.query", "org.incidentlearning.store",
        "org.incidentlearning.web"})
public class QueryNodeApplication {

    public static void main(String[] args) {
        SpringApplication.run(QueryNodeApplication.class, args);
    }
}
