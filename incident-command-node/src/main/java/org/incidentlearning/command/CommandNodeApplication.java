package org.incidentlearning.command;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The command side alone: it decides and appends to the shared store (PostgreSQL, profile {@code postgres}) and runs
 * no projection. Several such nodes may accept commands for the same incidents; the store's optimistic concurrency
 * keeps them from losing each other's updates.
 */
@SpringBootApplication(scanBasePackages = {"org.incidentlearning.command", "org.incidentlearning.store",
        "org.incidentlearning.web"})
public class CommandNodeApplication {

    public static void main(String[] args) {
        SpringApplication.run(CommandNodeApplication.class, args);
    }
}
