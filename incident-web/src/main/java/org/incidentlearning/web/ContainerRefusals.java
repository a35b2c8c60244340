package org.incidentlearning.web;

import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Requests Tomcat refuses before Spring sees them (a URI that does not decode or normalize, an invalid header, a
 * request line or headers over the size limit) are answered with problem details like every other refusal, not with
 * Tomcat's HTML error page. The host's error report valve is replaced; this customizer runs after Spring Boot's,
 * which installs that valve.
 */
@Component
public class ContainerRefusals implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            StandardHost host = (StandardHost) context.getParent();
            Pipeline pipeline = host.getPipeline();
            for (Valve valve : pipeline.getValves()) {
                if (valve instanceof ErrorReportValve) {
                    pipeline.removeValve(valve);
                }
            }
            // At start the host adds a valve of this class unless one is there already; it is.
            host.setErrorReportValveClass(ProblemReport.class.getName());
            pipeline.addValve(new ProblemReport());
        });
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    /** Writes an error Tomcat raised itself as problem details; Tomcat's own message is not passed on. */
    public static final class ProblemReport extends ErrorReportValve {

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            HttpStatus known = HttpStatus.resolve(status);
            ProblemDetail problem = Problems.ofStatus(HttpStatusCode.valueOf(status),
                    status == HttpStatus.BAD_REQUEST.value() ? "The request line, URI or headers are malformed or "
                            + "too large" : known == null ? "HTTP " + status : known.getReasonPhrase());
            try {
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(new String(Problems.json(problem), StandardCharsets.UTF_8));
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // The connection is gone or the answer already started: there is nobody left to tell.
            }
        }
    }
}
