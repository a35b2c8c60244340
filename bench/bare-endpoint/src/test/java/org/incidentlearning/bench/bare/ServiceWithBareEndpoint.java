package org.incidentlearning.bench.bare;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The whole service with this jar beside it, found by the same scan of {@code org.incidentlearning}. */
@SpringBootApplication(scanBasePackages = "org.incidentlearning")
class ServiceWithBareEndpoint {
}
