package io.vigil.core.cluster;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.BasicPolymorphicTypeValidator;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.vigil.core.model.Cib;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

/**
 * Interim codec: Jackson over the model records (record components only, the concrete class of every sealed
 * type written as a property). To be replaced by the project's JSON mapping once it lands.
 */
final class JacksonCibCodec implements CibCodec {
    static final JacksonCibCodec INSTANCE = new JacksonCibCodec();

    private final ObjectMapper mapper;

    private JacksonCibCodec() {
        SimpleModule time = new SimpleModule("vigil-time");
        time.addSerializer(Duration.class, new JsonSerializer<>() {
            @Override
            public void serialize(Duration value, JsonGenerator gen, SerializerProvider p) throws IOException {
                gen.writeString(value.toString());
            }
        });
        time.addDeserializer(Duration.class, new JsonDeserializer<>() {
            @Override
            public Duration deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
                return Duration.parse(p.getValueAsString());
            }
        });
        time.addSerializer(Instant.class, new JsonSerializer<>() {
            @Override
            public void serialize(Instant value, JsonGenerator gen, SerializerProvider p) throws IOException {
                gen.writeString(value.toString());
            }
        });
        time.addDeserializer(Instant.class, new JsonDeserializer<>() {
            @Override
            public Instant deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
                return Instant.parse(p.getValueAsString());
            }
        });
        mapper = new ObjectMapper()
                .registerModule(time)
                .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        // Only the model's sealed interfaces (Resource, Constraint, RuleExpression) carry their concrete class.
        ObjectMapper.DefaultTypeResolverBuilder typing = new ObjectMapper.DefaultTypeResolverBuilder(
                ObjectMapper.DefaultTyping.NON_CONCRETE_AND_ARRAYS,
                BasicPolymorphicTypeValidator.builder().allowIfSubType("io.vigil.core.model.").build()) {
            private static final long serialVersionUID = 1L;

            @Override
            public boolean useForType(JavaType t) {
                return t.isInterface() && t.getRawClass().getPackageName().equals("io.vigil.core.model");
            }
        };
        typing = (ObjectMapper.DefaultTypeResolverBuilder) typing.init(JsonTypeInfo.Id.CLASS, null)
                .inclusion(JsonTypeInfo.As.PROPERTY);
        mapper.setDefaultTyping(typing);
    }

    @Override
    public byte[] encode(Cib cib) {
        try {
            return mapper.writeValueAsBytes(cib);
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode CIB " + cib.version() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Cib decode(byte[] bytes) {
        try {
            return mapper.readValue(bytes, Cib.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a CIB: " + e.getMessage(), e);
        }
    }
}
