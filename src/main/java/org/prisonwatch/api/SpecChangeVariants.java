package org.prisonwatch.api;

import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Discriminator;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * A feed entry's record is a prison, a source, an incident, a report or a casualty, and its entity says which.
 * Described as one schema whose record is "any of five", a generated client decodes every entry as whichever
 * type it tries first (every record has an id and a version). So the document gives one schema per kind, whose
 * entity is that kind alone and whose record is that type, and Change is one of them, told apart by entity.
 */
final class SpecChangeVariants {

    /** ChangedEntity's values and the schema of the record each names. */
    private static final Map<String, String> RECORD_SCHEMAS = ordered();

    private SpecChangeVariants() {
    }

    static void apply(OpenAPI openAPI) {
        Schema change = openAPI.getComponents().getSchemas().get("Change");
        Discriminator discriminator = OASFactory.createDiscriminator().propertyName("entity");
        Schema oneOf = OASFactory.createSchema().description(change.getDescription()).discriminator(discriminator);
        RECORD_SCHEMAS.forEach((entity, record) -> {
            String name = record + "Change";
            Schema variant = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                    .description("A change to a " + record + " record (entity " + entity + ")")
                    .required(change.getRequired());
            change.getProperties().forEach((property, schema) -> variant.addProperty(property, switch (property) {
                case "entity" -> OASFactory.createSchema().addType(Schema.SchemaType.STRING).addEnumeration(entity)
                        .description("The kind of record: " + entity);
                case "record" -> OASFactory.createSchema().description(schema.getDescription())
                        .addAllOf(SpecSchemas.ref(record));
                default -> schema;
            }));
            openAPI.getComponents().addSchema(name, variant);
            oneOf.addOneOf(SpecSchemas.ref(name));
            discriminator.addMapping(entity, SpecSchemas.ref(name).getRef());
        });
        openAPI.getComponents().addSchema("Change", oneOf);
    }

    private static Map<String, String> ordered() {
        Map<String, String> schemas = new LinkedHashMap<>();
        schemas.put("PRISON", "Prison");
        schemas.put("SOURCE", "Source");
        schemas.put("INCIDENT", "Incident");
        schemas.put("ARMED_INMATE_REPORT", "ArmedInmateReport");
        schemas.put("CASUALTY", "Casualty");
        return schemas;
    }
}
