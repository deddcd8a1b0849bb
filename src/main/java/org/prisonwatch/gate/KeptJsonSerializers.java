package org.prisonwatch.gate;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import com.fasterxml.jackson.databind.ser.ContextualSerializer;
import com.fasterxml.jackson.databind.ser.ResolvableSerializer;
import com.fasterxml.jackson.databind.util.NameTransformer;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import org.prisonwatch.api.VersionedView;

/**
 * Has the service's JSON mapper write a record response from its kept JSON ({@link KeptJson}) when it has some,
 * and serialize it as usual otherwise. Only where serializing would write exactly those bytes
 * ({@link RawJson#writtenAsInto}): anything else (a tree, another format, indented or escaped output, a
 * {@code @JsonView}) is serialized as usual.
 */
@Singleton
public class KeptJsonSerializers implements ObjectMapperCustomizer {

    @Inject
    KeptJson kept;

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("kept-json").setSerializerModifier(new BeanSerializerModifier() {
            @Override
            public JsonSerializer<?> modifySerializer(SerializationConfig config, BeanDescription description,
                    JsonSerializer<?> serializer) {
                return VersionedView.class.isAssignableFrom(description.getBeanClass())
                        ? new FromKeptJson(cast(serializer), kept) : serializer;
            }
        }));
    }

    @SuppressWarnings("unchecked")
    private static JsonSerializer<Object> cast(JsonSerializer<?> serializer) {
        return (JsonSerializer<Object>) serializer;
    }

    /** A record response's serializer, in front of the one Jackson made for it. */
    static final class FromKeptJson extends JsonSerializer<Object> implements ResolvableSerializer,
            ContextualSerializer {

        private final JsonSerializer<Object> serialized;
        private final KeptJson kept;

        FromKeptJson(JsonSerializer<Object> serialized, KeptJson kept) {
            this.serialized = serialized;
            this.kept = kept;
        }

        @Override
        public void serialize(Object view, JsonGenerator out, SerializerProvider provider) throws IOException {
            RawJson json = kept.of(view);
            if (json != null && json.writtenAsInto(out, provider)) {
                out.writeRawValue(json);
                kept.copied();
            } else {
                serialized.serialize(view, out, provider);
            }
        }

        @Override
        public void serializeWithType(Object view, JsonGenerator out, SerializerProvider provider,
                TypeSerializer types) throws IOException {
            serialized.serializeWithType(view, out, provider, types);
        }

        @Override
        public JsonSerializer<Object> unwrappingSerializer(NameTransformer names) {
            return serialized.unwrappingSerializer(names);
        }

        @Override
        public boolean isEmpty(SerializerProvider provider, Object view) {
            return serialized.isEmpty(provider, view);
        }

        @Override
        public Class<Object> handledType() {
            return serialized.handledType();
        }

        @Override
        public void resolve(SerializerProvider provider) throws JsonMappingException {
            if (serialized instanceof ResolvableSerializer resolvable) {
                resolvable.resolve(provider);
            }
        }

        @Override
        public JsonSerializer<?> createContextual(SerializerProvider provider, BeanProperty property)
                throws JsonMappingException {
            JsonSerializer<?> contextual = serialized instanceof ContextualSerializer c
                    ? c.createContextual(provider, property) : serialized;
            // a property that changes how the record is written (ignorals, a format) could not use the kept bytes
            return contextual == serialized ? this : contextual;
        }
    }
}
