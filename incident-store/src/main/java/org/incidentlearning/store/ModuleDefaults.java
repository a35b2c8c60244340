package org.incidentlearning.store;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.Profiles;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;

/**
 * The framework settings each module needs (Axon's, Flyway's, the server's...), kept beside the module's code in
 * {@code META-INF/incident-defaults/<module>.yml} and added below every other source: a deployable's
 * {@code application.yml}, a profile, the environment and the command line all override them. A document of such a
 * file that sets {@code spring.config.activate.on-profile} applies only with that profile. Two modules setting one
 * key for the same profile stop the start: each default is written once.
 */
public class ModuleDefaults implements EnvironmentPostProcessor {

    static final String LOCATION = "classpath*:META-INF/incident-defaults/*.yml";
    private static final String ON_PROFILE = "spring.config.activate.on-profile";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, String> owners = new HashMap<>();
        for (Resource file : files()) {
            for (PropertySource<?> document : documents(file)) {
                Object profile = document.getProperty(ON_PROFILE);
                if (profile != null && !environment.acceptsProfiles(Profiles.of(profile.toString()))) {
                    continue;
                }
                for (String key : ((EnumerablePropertySource<?>) document).getPropertyNames()) {
                    String owner = owners.putIfAbsent(profile + " " + key, file.getFilename());
                    if (owner != null && !key.equals(ON_PROFILE)) {
                        throw new IllegalStateException(key + " is a default of both " + owner + " and "
                                + file.getFilename() + " (" + LOCATION + "); keep it in the module that needs it");
                    }
                }
                environment.getPropertySources().addLast(document);
            }
        }
    }

    private static Resource[] files() {
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources(LOCATION);
            Arrays.sort(files, Comparator.comparing(Resource::getFilename));
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the modules' defaults " + LOCATION, e);
        }
    }

    private static Iterable<PropertySource<?>> documents(Resource file) {
        try {
            return new YamlPropertySourceLoader().load("module defaults (" + file.getFilename() + ")", file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the module defaults " + file, e);
        }
    }
}
