package org.incidentlearning.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import org.incidentlearning.kernel.error.IncidentRejection;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.lang.NonNull;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.io.IOException;
import java.util.List;

/**
 * Request bodies are read strictly: unknown fields, duplicate keys, numbers for enums, floats for integers, nulls for
 * primitives and text that is not well-formed Unicode are refused. Only the REST edge's copy of the mapper is changed,
 * so the event serializer and everything else keep their own settings.
 */
@Configuration(proxyBeanMethods = false)
public class StrictJsonReading implements WebMvcConfigurer {

    @Override
    public void extendMessageConverters(@NonNull List<HttpMessageConverter<?>> converters) {
        for (HttpMessageConverter<?> converter : converters) {
            if (converter instanceof MappingJackson2HttpMessageConverter json) {
                json.setObjectMapper(json.getObjectMapper().copy()
                        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                        .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                        .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                        .registerModule(new SimpleModule().addDeserializer(String.class, new WellFormedText())));
            }
        }
    }

    /**
     * A lone surrogate (one half of a UTF-16 pair, as a JSON escape can give) cannot be encoded in UTF-8: the event
     * would keep it, but the views, stored as UTF-8, would read a '?' in its place.
     */
    static final class WellFormedText extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = super.deserialize(parser, context);
            for (int i = 0; text != null && i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else if (Character.isSurrogate(c)) {
                    throw IncidentRejection.invalid(String.format("Text must be well-formed Unicode; a lone "
                            + "surrogate \\u%04X cannot be stored", (int) c));
                }
            }
            return text;
        }
    }
}
