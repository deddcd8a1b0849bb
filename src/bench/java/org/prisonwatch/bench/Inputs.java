package org.prisonwatch.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import org.prisonwatch.bench.Vocabulary.Outlet;
import org.prisonwatch.bench.Vocabulary.Town;

/**
 * Makes the editable fields of records, as JSON in the shape of each collection's input record: fields in the
 * order the record declares them, absent when null, with the defaults its constructor fills in already applied
 * (occurredTo, datePrecision, empty lists, REPORTED, RESTRICTED, coercion UNKNOWN). That is the shape the
 * service's journal stores as a version snapshot, and a valid request body as it stands.
 */
final class Inputs {

    static final List<String> INCIDENT_TYPES = List.of("FORCED_RECRUITMENT", "ARMING_OF_INMATES",
            "COMBAT_DEPLOYMENT", "COMBAT_CASUALTIES", "PRISON_ATTACK", "AMNESTY_RELEASE", "SENTENCE_REDUCTION_OFFER",
            "RANK_REINSTATEMENT", "TRANSFER", "OTHER");
    private static final int[] INCIDENT_TYPE_WEIGHTS = {25, 15, 15, 15, 5, 8, 7, 3, 5, 2};
    private static final String[] TITLES = {
        "Inmates taken from %s for military service",
        "Inmates of %s issued weapons",
        "Armed inmates of %s deployed near %s",
        "Conscripted inmates from %s killed in fighting near %s",
        "Attack on %s",
        "Amnesty release at %s",
        "Sentence reduction offered to inmates of %s for service",
        "Former soldiers held at %s reinstated to their ranks",
        "Inmates transferred from %s towards the front line near %s",
        "Report concerning %s"};

    private final ObjectMapper json;
    private final SplittableRandom random;

    Inputs(ObjectMapper json, SplittableRandom random) {
        this.json = json;
        this.random = random;
    }

    /** A place of detention in one of the towns, the n-th of 60: a prison in each town, then labour camps. */
    ObjectNode prison(int n) {
        Town town = town(n);
        boolean camp = n >= Vocabulary.TOWNS.size();
        ObjectNode p = json.createObjectNode();
        String name = camp ? town.name() + " Labour Camp"
                : town.name().equals("Mandalay") ? "Obo Prison" : town.name() + " Prison";
        p.put("name", name);
        p.put("nameMy", town.nameMy() + (camp ? " အလုပ်ကြမ်းစခန်း" : " အကျဉ်းထောင်"));
        ArrayNode alternates = p.putArray("alternateNames");
        if (town.formerName() != null) {
            alternates.add(town.formerName() + (camp ? " Labour Camp" : " Prison"));
        }
        if (town.name().equals("Mandalay") && !camp) {
            alternates.add("Mandalay Central Prison");
        }
        p.put("kind", camp ? (n % 4 == 0 ? "INTERROGATION_CENTRE" : "LABOUR_CAMP") : "PRISON");
        p.put("stateRegion", town.stateRegion());
        p.put("township", town.name());
        p.put("latitude", round4(town.latitude() + (camp ? 0.05 : 0.0)));
        p.put("longitude", round4(town.longitude() + (camp ? 0.05 : 0.0)));
        p.put("controlledBy", pick(new String[] {"MILITARY", "CONTESTED", "RESISTANCE", "UNKNOWN"}, 80, 10, 5, 5));
        p.put("status", pick(new String[] {"OPERATING", "EVACUATED", "CAPTURED", "DESTROYED", "UNKNOWN"},
                85, 5, 4, 2, 4));
        p.put("inConflictZone", random.nextInt(100) < 40);
        p.put("estimatedPopulation", camp ? 100 + random.nextInt(900) : 500 + random.nextInt(11_500));
        if (random.nextInt(100) < 30) {
            p.put("notes", english(town));
        }
        return p;
    }

    static Town town(int n) {
        return Vocabulary.TOWNS.get(n % Vocabulary.TOWNS.size());
    }

    /** One of the well-known outlets and organisations, which publish openly. */
    ObjectNode outlet(int n) {
        Outlet outlet = Vocabulary.OUTLETS.get(n % Vocabulary.OUTLETS.size());
        ObjectNode s = json.createObjectNode();
        s.put("name", outlet.name());
        s.put("kind", outlet.kind());
        s.put("url", outlet.url());
        s.put("defaultReliability", outlet.reliability());
        s.put("confidentiality", "PUBLIC");
        return s;
    }

    /**
     * A source of the kind field documentation accumulates: mostly witnesses and field reporters, whose contact is
     * kept and who are RESTRICTED or CONFIDENTIAL; some local groups and officials. A submitter (not staff) may not
     * publish, so classifies RESTRICTED or CONFIDENTIAL.
     */
    ObjectNode source(int n, boolean staff, boolean withContact) {
        Town town = town(random.nextInt(Vocabulary.TOWNS.size()));
        String kind = pick(new String[] {"WITNESS", "FIELD_REPORTER", "NGO", "MEDIA", "OFFICIAL", "OTHER"},
                35, 30, 10, 15, 5, 5);
        ObjectNode s = json.createObjectNode();
        s.put("name", switch (kind) {
            case "WITNESS" -> "Witness " + n + " (" + town.name() + ")";
            case "FIELD_REPORTER" -> "Field reporter " + town.stateRegion() + "-" + n;
            case "NGO" -> town.name() + " Prisoners' Families Group " + n;
            case "MEDIA" -> town.name() + " local news " + n;
            case "OFFICIAL" -> "Township administration office, " + town.name();
            default -> "Community contact " + n + " (" + town.name() + ")";
        });
        s.put("kind", kind);
        if (kind.equals("NGO") || kind.equals("MEDIA")) {
            s.put("url", "https://example.org/" + town.name().toLowerCase().replace(' ', '-') + "/" + n);
        }
        if (withContact) {
            s.put("contact", "Signal +95 9 " + (100 + random.nextInt(900)) + " " + (100 + random.nextInt(900)) + " "
                    + (100 + random.nextInt(900)));
        }
        s.put("defaultReliability", pick(new String[] {"A", "B", "C", "D", "E", "F"}, 3, 25, 35, 15, 5, 17));
        boolean personal = kind.equals("WITNESS") || kind.equals("FIELD_REPORTER");
        s.put("confidentiality", !staff || personal
                ? pick(new String[] {"RESTRICTED", "CONFIDENTIAL"}, personal ? 40 : 80, personal ? 60 : 20)
                : pick(new String[] {"PUBLIC", "RESTRICTED"}, 70, 30));
        return s;
    }

    /**
     * An incident at a prison (or in its town). Staff classify and verify; a reporter or partner submits
     * RESTRICTED or CONFIDENTIAL and REPORTED. Half the descriptions carry Burmese text.
     */
    ObjectNode incident(int prisonIndex, UUID prisonId, LocalDate enteredOn, boolean staff, List<UUID> citable,
            String externalRef) {
        Town town = town(prisonIndex);
        int type = weighted(INCIDENT_TYPE_WEIGHTS);
        boolean atPrison = prisonId != null;
        String prisonName = prisonName(prisonIndex);
        Town front = Vocabulary.TOWNS.get(random.nextInt(Vocabulary.TOWNS.size()));
        ObjectNode i = json.createObjectNode();
        i.put("type", INCIDENT_TYPES.get(type));
        i.put("title", String.format(TITLES[type], atPrison ? prisonName : town.name(), front.name()));
        i.put("description", description(town));
        if (atPrison) {
            i.put("prisonId", prisonId.toString());
        }
        if (random.nextInt(100) < 70) {
            i.put("locationName", (type == 2 || type == 3 || type == 8 ? front : town).name() + ", "
                    + town.stateRegion());
        }
        if (random.nextInt(100) < 60) {
            i.put("latitude", round4(town.latitude() + (random.nextDouble() - 0.5) * 0.4));
            i.put("longitude", round4(town.longitude() + (random.nextDouble() - 0.5) * 0.4));
        }
        LocalDate from = enteredOn.minusDays(random.nextInt(90));
        LocalDate to = from;
        String precision = pick(new String[] {"DAY", "MONTH", "RANGE", "YEAR"}, 60, 20, 15, 5);
        switch (precision) {
            case "MONTH" -> {
                from = from.withDayOfMonth(1);
                to = from.plusMonths(1).minusDays(1);
            }
            case "YEAR" -> {
                from = from.withDayOfYear(1);
                to = from.plusYears(1).minusDays(1);
            }
            case "RANGE" -> to = from.plusDays(1 + random.nextInt(30));
            default -> {
            }
        }
        if (to.isAfter(enteredOn)) {
            to = enteredOn.isBefore(from) ? from : enteredOn;
            precision = from.equals(to) ? "DAY" : "RANGE";
        }
        i.put("occurredFrom", from.toString());
        i.put("occurredTo", to.toString());
        i.put("datePrecision", precision);
        if (random.nextInt(100) < 80) {
            LocalDate reported = to.plusDays(random.nextInt(20));
            i.put("reportedOn", (reported.isAfter(enteredOn) ? enteredOn : reported).toString());
        }
        ArrayNode perpetrators = i.putArray("perpetrators");
        perpetrators.add("Myanmar military");
        if (random.nextInt(100) < 35) {
            perpetrators.add(Vocabulary.PERPETRATORS.get(1 + random.nextInt(Vocabulary.PERPETRATORS.size() - 1)));
        }
        ArrayNode opposing = i.putArray("opposingForces");
        if (type >= 2 && type <= 4 || random.nextInt(100) < 10) {
            opposing.add(Vocabulary.OPPOSING_FORCES.get(random.nextInt(Vocabulary.OPPOSING_FORCES.size())));
        }
        if (random.nextInt(100) < 80) {
            i.set("peopleAffected", count(5, 400));
        }
        i.put("verificationStatus", staff ? verification() : "REPORTED");
        i.put("confidentiality", classification(staff));
        i.set("citations", citations(citable, 1 + random.nextInt(3), from));
        if (externalRef != null) {
            i.put("externalRef", externalRef);
        }
        return i;
    }

    /** A claim that inmates of a prison were armed, sometimes tied to an incident. */
    ObjectNode report(UUID prisonId, UUID incidentId, LocalDate enteredOn, boolean staff, List<UUID> citable,
            String externalRef) {
        ObjectNode r = json.createObjectNode();
        r.put("prisonId", prisonId.toString());
        if (incidentId != null) {
            r.put("incidentId", incidentId.toString());
        }
        LocalDate reportedOn = enteredOn.minusDays(random.nextInt(30));
        r.put("reportedOn", reportedOn.toString());
        if (random.nextInt(100) < 50) {
            LocalDate periodFrom = reportedOn.minusDays(30 + random.nextInt(335));
            r.put("periodFrom", periodFrom.toString());
            if (random.nextInt(100) < 80) {
                r.put("periodTo", reportedOn.minusDays(random.nextInt(30)).toString());
            }
        }
        if (random.nextInt(100) < 85) {
            r.set("inmatesArmed", count(10, 600));
        }
        r.set("inmateCategories", subset(new String[] {"LONG_TERM_CRIMINAL", "FORMER_SOLDIER", "FORMER_POLICE",
            "POLITICAL_PRISONER", "OTHER"}, 60, 35, 20, 10, 5));
        r.set("inducements", subset(new String[] {"SENTENCE_REDUCTION", "RANK_REINSTATEMENT", "AMNESTY", "PAYMENT",
            "THREAT", "NONE_REPORTED"}, 65, 20, 25, 15, 30, 5));
        r.set("roles", subset(new String[] {"PRISON_SECURITY", "FRONTLINE_COMBAT", "PORTER", "HUMAN_SHIELD",
            "OTHER"}, 40, 45, 35, 15, 5));
        r.put("coercion", pick(new String[] {"COERCED", "CLAIMED_VOLUNTARY", "UNKNOWN"}, 55, 20, 25));
        if (random.nextInt(100) < 70) {
            r.put("usedInCombat", random.nextInt(100) < 55);
        }
        r.put("verificationStatus", staff ? verification() : "REPORTED");
        r.put("confidentiality", classification(staff));
        r.set("citations", citations(citable, 1 + random.nextInt(2), reportedOn));
        if (random.nextInt(100) < 40) {
            r.put("notes", english(town(random.nextInt(Vocabulary.TOWNS.size()))));
        }
        if (externalRef != null) {
            r.put("externalRef", externalRef);
        }
        return r;
    }

    /** Casualties of an incident: a count, and for about one in seven an identified person. */
    ObjectNode casualty(UUID incidentId, LocalDate occurredFrom, boolean staff, boolean identified,
            List<UUID> citable, String externalRef) {
        ObjectNode c = json.createObjectNode();
        c.put("incidentId", incidentId.toString());
        c.put("outcome", pick(new String[] {"KILLED", "INJURED", "MISSING", "CAPTURED"}, 35, 30, 20, 15));
        c.put("group", pick(new String[] {"CONSCRIPTED_INMATE", "POLITICAL_PRISONER", "OTHER_INMATE",
            "PRISON_STAFF", "MILITARY", "RESISTANCE", "CIVILIAN", "UNKNOWN"}, 45, 8, 10, 5, 12, 8, 7, 5));
        if (identified) {
            ObjectNode one = json.createObjectNode();
            one.put("min", 1);
            one.put("best", 1);
            one.put("max", 1);
            c.set("count", one);
            Town home = town(random.nextInt(Vocabulary.TOWNS.size()));
            ObjectNode person = c.putObject("person");
            person.put("name", Vocabulary.HONORIFICS.get(random.nextInt(Vocabulary.HONORIFICS.size())) + " "
                    + Vocabulary.GIVEN_NAMES.get(random.nextInt(Vocabulary.GIVEN_NAMES.size())) + " "
                    + Vocabulary.GIVEN_NAMES.get(random.nextInt(Vocabulary.GIVEN_NAMES.size())));
            if (random.nextInt(100) < 70) {
                person.put("prisonerNumber", home.name().substring(0, 3).toUpperCase() + "-"
                        + (10_000 + random.nextInt(90_000)));
            }
            if (random.nextInt(100) < 80) {
                person.put("age", 18 + random.nextInt(45));
            }
            person.put("gender", pick(new String[] {"MALE", "FEMALE", "UNKNOWN"}, 88, 7, 5));
            person.put("hometown", home.name());
        } else {
            c.set("count", count(1, 60));
        }
        if (random.nextInt(100) < 80) {
            c.put("occurredOn", occurredFrom.plusDays(random.nextInt(5)).toString());
        }
        c.put("verificationStatus", staff ? verification() : "REPORTED");
        c.put("confidentiality", identified ? "CONFIDENTIAL" : classification(staff));
        c.set("citations", citations(citable, random.nextInt(3), occurredFrom));
        if (random.nextInt(100) < 30) {
            c.put("notes", random.nextBoolean() ? english(town(random.nextInt(Vocabulary.TOWNS.size())))
                    : burmese(town(random.nextInt(Vocabulary.TOWNS.size()))));
        }
        if (externalRef != null) {
            c.put("externalRef", externalRef);
        }
        return c;
    }

    static String prisonName(int prisonIndex) {
        Town town = town(prisonIndex);
        boolean camp = prisonIndex >= Vocabulary.TOWNS.size();
        return camp ? town.name() + " Labour Camp" : town.name().equals("Mandalay") ? "Obo Prison"
                : town.name() + " Prison";
    }

    /** Verification as staff leave it: most reported, some corroborated or verified, a few disputed. */
    String verification() {
        return pick(new String[] {"REPORTED", "CORROBORATED", "VERIFIED", "DISPUTED", "RETRACTED"},
                45, 25, 20, 7, 3);
    }

    private String classification(boolean staff) {
        return staff ? pick(new String[] {"PUBLIC", "RESTRICTED", "CONFIDENTIAL"}, 50, 35, 15)
                : pick(new String[] {"RESTRICTED", "CONFIDENTIAL"}, 75, 25);
    }

    private String description(Town town) {
        int mix = random.nextInt(100);
        StringBuilder text = new StringBuilder();
        if (mix >= 15) {
            text.append(english(town));
            if (random.nextBoolean()) {
                text.append(' ').append(english(town));
            }
        }
        if (mix < 50) {
            if (!text.isEmpty()) {
                text.append("\n\n");
            }
            text.append(burmese(town));
        }
        return text.toString();
    }

    private String english(Town town) {
        return String.format(Vocabulary.ENGLISH_SENTENCES.get(random.nextInt(Vocabulary.ENGLISH_SENTENCES.size())),
                town.name());
    }

    private String burmese(Town town) {
        return String.format(Vocabulary.BURMESE_SENTENCES.get(random.nextInt(Vocabulary.BURMESE_SENTENCES.size())),
                town.nameMy());
    }

    private ArrayNode citations(List<UUID> citable, int how, LocalDate around) {
        ArrayNode citations = json.createArrayNode();
        if (citable.isEmpty()) {
            return citations;
        }
        List<UUID> chosen = new ArrayList<>();
        for (int k = 0; k < how; k++) {
            UUID source = citable.get(random.nextInt(citable.size()));
            if (!chosen.contains(source)) {
                chosen.add(source);
            }
        }
        for (UUID source : chosen) {
            ObjectNode c = citations.addObject();
            c.put("sourceId", source.toString());
            c.put("reliability", pick(new String[] {"A", "B", "C", "D", "E", "F"}, 3, 30, 35, 12, 5, 15));
            c.put("credibility", 1 + weighted(new int[] {10, 35, 30, 12, 3, 10}));
            if (random.nextInt(100) < 80) {
                c.put("publishedOn", around.plusDays(random.nextInt(15)).toString());
            }
            if (random.nextInt(100) < 40) {
                c.put("url", "https://example.org/reports/" + Long.toHexString(random.nextLong() >>> 16));
            }
            if (random.nextInt(100) < 50) {
                c.put("excerpt", random.nextBoolean() ? english(town(random.nextInt(Vocabulary.TOWNS.size())))
                        : burmese(town(random.nextInt(Vocabulary.TOWNS.size()))));
            }
        }
        return citations;
    }

    /** An estimate: an exact figure, a range with a best guess, or one bound, as documenters record them. */
    private ObjectNode count(int low, int high) {
        ObjectNode count = json.createObjectNode();
        int best = low + random.nextInt(high - low);
        switch (random.nextInt(4)) {
            case 0 -> {
                count.put("min", best);
                count.put("best", best);
                count.put("max", best);
            }
            case 1 -> {
                count.put("min", best - best / 4);
                count.put("best", best);
                count.put("max", best + best / 3);
            }
            case 2 -> count.put("best", best);
            default -> count.put("min", best);
        }
        return count;
    }

    /** Members of an enum in its declared order (as the service lists sets), each present by its weight. */
    private ArrayNode subset(String[] declared, int... percent) {
        ArrayNode values = json.createArrayNode();
        for (int k = 0; k < declared.length; k++) {
            if (random.nextInt(100) < percent[k]) {
                values.add(declared[k]);
            }
        }
        return values;
    }

    String pick(String[] values, int... weights) {
        return values[weighted(weights)];
    }

    int weighted(int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int roll = random.nextInt(total);
        for (int k = 0; k < weights.length; k++) {
            roll -= weights[k];
            if (roll < 0) {
                return k;
            }
        }
        return weights.length - 1;
    }

    private static double round4(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
