package org.incidentlearning.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The embedded default: the command side and the query side in one process, on an H2 file store. */
@SpringBootApplication(scanBasePackages = "org.incidentlearning")
public class IncidentLearningApplication {

    public static void main(String[] args) {
        SpringApplication.run(IncidentLearningApplication.class, args);
    }
}
