package org.incidentlearning.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The command side and the query side in one process, on an H2 file store or (profile postgres) on PostgreSQL. */
@SpringBootApplication(scanBasePackages = "org.incidentlearning")
public class IncidentLearningApplication {

    public static void main(String[] args) {
        SpringApplication.run(IncidentLearningApplication.class, args);
    }
}
