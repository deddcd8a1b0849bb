package org.prisonwatch.burmese;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.prisonwatch.support.Api.anonymous;
import static org.prisonwatch.support.Api.api;
import static org.prisonwatch.support.Api.as;
import static org.prisonwatch.support.Api.hostile;
import static org.prisonwatch.support.Api.patch;
import static org.prisonwatch.support.Fixtures.casualtyBody;
import static org.prisonwatch.support.Fixtures.create;
import static org.prisonwatch.support.Fixtures.incidentOn;
import static org.prisonwatch.support.Fixtures.incidentBody;
import static org.prisonwatch.support.Fixtures.prison;
import static org.prisonwatch.support.Fixtures.prisonBody;
import static org.prisonwatch.support.Fixtures.unique;

import com.google.myanmartools.TransliterateU2Z;
import com.ibm.icu.text.Transliterator;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.prisonwatch.access.Role;
import org.prisonwatch.support.Database;
import org.prisonwatch.support.FeedReader;
import org.prisonwatch.support.Keys;

/**
 * Issue 11: Burmese typed in the legacy Zawgyi encoding is stored in Unicode with what was typed kept beside it, and
 * search finds a record whichever encoding either side used. The Zawgyi fixtures come from myanmar-tools' own
 * Unicode-to-Zawgyi converter, so the service's ICU conversion back is checked against an independent one.
 */
@QuarkusTest
class ZawgyiTest {

    private static final String BANMAW_ZAWGYI = "ဗန္းေမာ္အက်ဉ္းေထာင္";
    private static final String BANMAW = "ဗန်းမော်အကျဉ်းထောင်";
    private static final String MYITKYINA_ZAWGYI = "ျမစ္ႀကီးနားအက်ဉ္းေထာင္";
    private static final String MYITKYINA = "မြစ်ကြီးနားအကျဉ်းထောင်";

    @Inject
    Database db;

    @Test
    void aPrisonNameTypedInZawgyiFindsTheRecordStoredInUnicodeAndTheReverse() {
        String region = unique("Kachin");
        Map<String, Object> banmaw = prisonBody(region);
        banmaw.put("nameMy", BANMAW);
        String typedInUnicode = create("prisons", banmaw);
        Map<String, Object> myitkyina = prisonBody(region);
        myitkyina.put("nameMy", MYITKYINA_ZAWGYI);
        String typedInZawgyi = create("prisons", myitkyina);

        api().get("/api/v1/prisons/" + typedInZawgyi).then().statusCode(200)
                .body("nameMy", equalTo(MYITKYINA))
                .body("zawgyiOriginals", equalTo(Map.of("/nameMy", MYITKYINA_ZAWGYI)));
        assertEquals(1, db.count("select count(*) from prison where id = ? and name_my = ?", typedInZawgyi,
                MYITKYINA));

        // a whole name, and a part of one, each typed either way
        for (String[] search : new String[][] {{BANMAW_ZAWGYI, typedInUnicode}, {"ဗန္းေမာ္", typedInUnicode},
                {BANMAW, typedInUnicode}, {MYITKYINA, typedInZawgyi}, {"မြစ်ကြီးနား", typedInZawgyi},
                {MYITKYINA_ZAWGYI, typedInZawgyi}, {"ျမစ္ႀကီးနား", typedInZawgyi}}) {
            anonymous().queryParam("stateRegion", region).queryParam("q", search[0]).get("/api/v1/prisons").then()
                    .statusCode(200).body("items.id", contains(search[1]));
        }
    }

    @Test
    void realUnicodeSentencesPassThroughUnchanged() {
        String prisonId = prison(unique("Kachin"));
        List<String> sentences = fixture("unicode.txt");
        assertEquals(15, sentences.size());
        for (String sentence : sentences) {
            Map<String, Object> body = incidentBody(prisonId, "2025-03-01", null);
            body.put("title", sentence.length() > 300 ? sentence.substring(0, 300) : sentence);
            body.put("description", sentence);
            String id = create("incidents", body);
            api().get("/api/v1/incidents/" + id).then().statusCode(200)
                    .body("description", equalTo(sentence))
                    .body("zawgyiOriginals", nullValue());
            assertEquals(1, db.count("select count(*) from incident where id = ? and description = ? "
                    + "and zawgyi_originals is null", id, sentence));
        }
    }

    /**
     * The Universal Declaration of Human Rights in Burmese (unicode.org/udhr), its 91 lines of Burmese: stored as
     * typed in Unicode; typed in Zawgyi (made from it by myanmar-tools' own converter) each line is stored as ICU
     * converts it whole, a Unicode word inside a Zawgyi run notwithstanding.
     */
    @Test
    void theUniversalDeclarationPassesThroughAndItsZawgyiConverts() {
        List<String> lines = fixture("udhr-mya.txt").stream().map(String::strip)
                .filter(line -> line.chars().anyMatch(c -> c >= 0x1000 && c <= 0x109F)).toList();
        assertEquals(91, lines.size());
        TransliterateU2Z toZawgyi = new TransliterateU2Z("Unicode to Zawgyi");
        Transliterator toUnicode = Transliterator.getInstance("Zawgyi-my");
        String prisonId = prison(unique("Yangon"));
        List<String> chunk = new java.util.ArrayList<>();
        for (String line : lines) {
            if (chunk.stream().mapToInt(String::length).sum() + chunk.size() + line.length() > 20_000) {
                storesAsTypedAndConvertsItsZawgyi(prisonId, chunk, toZawgyi, toUnicode);
                chunk.clear();
            }
            chunk.add(line);
        }
        storesAsTypedAndConvertsItsZawgyi(prisonId, chunk, toZawgyi, toUnicode);
    }

    private static void storesAsTypedAndConvertsItsZawgyi(String prisonId, List<String> lines,
            TransliterateU2Z toZawgyi, Transliterator toUnicode) {
        String unicode = String.join("\n", lines);
        String zawgyi = String.join("\n", lines.stream().map(toZawgyi::convert).toList());
        String converted = String.join("\n", lines.stream().map(toZawgyi::convert).map(toUnicode::transliterate)
                .toList());
        for (String[] typedAndStored : new String[][] {{unicode, unicode}, {zawgyi, converted}}) {
            Map<String, Object> body = incidentBody(prisonId, "2025-03-01", null);
            body.put("description", typedAndStored[0]);
            String id = create("incidents", body);
            api().get("/api/v1/incidents/" + id).then().statusCode(200)
                    .body("description", equalTo(typedAndStored[1]));
        }
    }

    @Test
    void zawgyiIsConvertedWhereverItSitsAndItsOriginalKept() {
        String prisonId = prison(unique("Kachin"));
        for (String pair : fixture("zawgyi-unicode.tsv")) {
            String zawgyi = pair.split("\t")[0];
            String unicode = pair.split("\t")[1];
            Map<String, Object> body = incidentBody(prisonId, "2025-03-01", null);
            body.put("description", zawgyi);
            body.put("perpetrators", List.of("Myanmar Army", zawgyi));
            String id = create("incidents", body);
            api().get("/api/v1/incidents/" + id).then().statusCode(200)
                    .body("description", equalTo(unicode))
                    .body("perpetrators", contains("Myanmar Army", unicode))
                    .body("zawgyiOriginals", equalTo(Map.of("/description", zawgyi, "/perpetrators/1", zawgyi)));
        }
    }

    /** A field mixing both encodings scores as one of them: each run of Burmese text is detected on its own. */
    @Test
    void eachRunOfBurmeseIsDetectedOnItsOwn() {
        String unicodeLine = "စစ်ကောင်စီသည် အကျဉ်းသားများကို လက်နက်ကိုင်ခိုင်းပြီး တိုက်ပွဲသို့ စေလွှတ်ခဲ့သည်။";
        String typed = unicodeLine + "\n" + "ေထာင္ဒဏ္ကာလ ေလ်ွာ့ေပးမည္ဟု ကတိေပးခဲ့သည္။"
                + " (Myitkyina: " + MYITKYINA_ZAWGYI + ", Banmaw: " + BANMAW + ")";
        String stored = unicodeLine + "\n" + "ထောင်ဒဏ်ကာလ လျှော့ပေးမည်ဟု ကတိပေးခဲ့သည်။" + " (Myitkyina: " + MYITKYINA
                + ", Banmaw: " + BANMAW + ")";
        Map<String, Object> body = incidentBody(prison(unique("Kachin")), "2025-03-01", null);
        body.put("description", typed);
        String id = create("incidents", body);
        api().get("/api/v1/incidents/" + id).then().statusCode(200)
                .body("description", equalTo(stored))
                .body("zawgyiOriginals", equalTo(Map.of("/description", typed)));
    }

    @Test
    void anOriginalLastsAsLongAsTheTextConvertedFromIt() {
        Map<String, Object> body = incidentBody(prison(unique("Kachin")), "2025-03-01", null);
        body.put("title", MYITKYINA_ZAWGYI);
        body.put("description", BANMAW_ZAWGYI);
        String id = create("incidents", body);

        patch("\"1\"").body(Map.of("verificationStatus", "CORROBORATED")).patch("/api/v1/incidents/" + id).then()
                .statusCode(200).body("zawgyiOriginals", equalTo(Map.of("/title", MYITKYINA_ZAWGYI,
                        "/description", BANMAW_ZAWGYI)));
        // retyped in Unicode: the same text, so what was typed first still stands behind it
        patch("\"2\"").body(Map.of("title", MYITKYINA)).patch("/api/v1/incidents/" + id).then()
                .statusCode(200).body("zawgyiOriginals", equalTo(Map.of("/title", MYITKYINA_ZAWGYI,
                        "/description", BANMAW_ZAWGYI)));
        patch("\"3\"").body(Map.of("description", "Rewritten in English")).patch("/api/v1/incidents/" + id).then()
                .statusCode(200).body("zawgyiOriginals", equalTo(Map.of("/title", MYITKYINA_ZAWGYI)));
        patch("\"4\"").body(Map.of("title", "Banmaw")).patch("/api/v1/incidents/" + id).then()
                .statusCode(200).body("zawgyiOriginals", nullValue());
        assertEquals(1, db.count("select count(*) from incident where id = ? and zawgyi_originals is null", id));
    }

    @Test
    void erasingAPersonLeavesNothingOfWhatWasTypedInZawgyi() {
        String incidentId = incidentOn(prison(unique("Kachin")), "2025-03-01", "PUBLIC");
        Map<String, Object> body = casualtyBody(incidentId);
        body.put("person", Map.of("name", "ေမာင္ေအာင္ျမင့္", "hometown", BANMAW_ZAWGYI));
        body.put("notes", MYITKYINA_ZAWGYI);
        String key = unique("zawgyi-erase");
        String id = as(Role.REPORTER).header("Idempotency-Key", key).body(body).post("/api/v1/casualties").then()
                .statusCode(201)
                .body("person.name", equalTo("မောင်အောင်မြင့်"))
                .body("zawgyiOriginals", equalTo(Map.of("/notes", MYITKYINA_ZAWGYI,
                        "/person/name", "ေမာင္ေအာင္ျမင့္", "/person/hometown", BANMAW_ZAWGYI)))
                .extract().path("id");

        api().header("If-Match", "\"1\"").delete("/api/v1/casualties/" + id + "/person").then().statusCode(204);

        api().get("/api/v1/casualties/" + id).then().statusCode(200)
                .body("person", nullValue())
                .body("zawgyiOriginals", equalTo(Map.of("/notes", MYITKYINA_ZAWGYI)));
        as(Role.REPORTER).header("Idempotency-Key", key).body(body).post("/api/v1/casualties").then()
                .statusCode(201).body("person", nullValue())
                .body("zawgyiOriginals", equalTo(Map.of("/notes", MYITKYINA_ZAWGYI)));
        for (String trace : List.of("ေမာင္ေအာင္ျမင့္", "မောင်အောင်မြင့်", BANMAW_ZAWGYI)) {
            assertEquals(0, db.count("select count(*) from casualty where zawgyi_originals like ?", "%" + trace + "%")
                    + db.count("select count(*) from record_version where snapshot like ?", "%" + trace + "%")
                    + db.count("select count(*) from idempotency_key where response_body like ?", "%" + trace + "%"),
                    trace);
        }
    }

    /** A reporter's phone retries what it typed: the stored Unicode is the same record, not a change. */
    @Test
    void aRetriedWriteTypedInZawgyiChangesNothing() {
        String ref = unique("zawgyi-retry");
        Map<String, Object> body = incidentBody(prison(unique("Kachin")), "2025-03-01", null);
        body.put("title", MYITKYINA_ZAWGYI);
        as(Role.PARTNER).body(body).put("/api/v1/incidents/by-ref/" + ref).then().statusCode(201)
                .body("title", equalTo(MYITKYINA)).body("version", equalTo(1));
        as(Role.PARTNER).body(body).put("/api/v1/incidents/by-ref/" + ref).then().statusCode(200)
                .body("title", equalTo(MYITKYINA)).body("version", equalTo(1));
    }

    /** Zawgyi writes some stacked letters as one code point and Unicode as two: a text can outgrow its field. */
    @Test
    void aConversionThatOutgrowsItsFieldIsRefusedAndNothingStored() {
        String region = unique("Kachin");
        Map<String, Object> body = prisonBody(region);
        body.put("nameMy", "မဂၤလာပါ ".repeat(37).strip());
        assertEquals(295, ((String) body.get("nameMy")).length());
        hostile().body(body).post("/api/v1/prisons").then().statusCode(400)
                .body("errors.field", hasItem("nameMy"));
        assertEquals(0, db.count("select count(*) from prison where state_region = ?", region));
    }

    /** What was typed may hold what the field's redaction hides; only callers who may read that data get it. */
    @Test
    void noCallerWithoutIdentifyingAccessSeesWhatWasTyped() {
        String prisonId = prison(unique("Kachin"));
        Map<String, Object> body = incidentBody(prisonId, "2025-03-01", "2025-03-01");
        body.put("title", MYITKYINA_ZAWGYI);
        body.put("latitude", 25.38);
        body.put("longitude", 97.39);
        body.put("confidentiality", "PUBLIC");
        String id = create("incidents", body);
        for (Role role : new Role[] {Role.PARTNER, null}) {
            var caller = role == null ? anonymous() : as(role);
            caller.get("/api/v1/incidents/" + id).then().statusCode(200)
                    .body("title", equalTo(MYITKYINA)).body("$", not(hasKey("zawgyiOriginals")));
            var exporter = role == null ? given() : given().header("Authorization", "Bearer " + Keys.of(role));
            for (String type : List.of("text/csv", "application/geo+json", "application/json")) {
                String export = exporter.accept(type).queryParam("prisonId", prisonId).get("/api/v1/incidents")
                        .then().statusCode(200).extract().asString();
                assertFalse(export.contains(MYITKYINA_ZAWGYI) || export.contains("zawgyiOriginals"), type);
            }
        }
        as(Role.ANALYST).get("/api/v1/incidents/" + id).then().statusCode(200)
                .body("zawgyiOriginals", equalTo(Map.of("/title", MYITKYINA_ZAWGYI)));
        anonymous().queryParam("q", "ျမစ္ႀကီးနား").queryParam("prisonId", prisonId).get("/api/v1/incidents").then()
                .statusCode(200).body("items.id", contains(id)).body("items[0].zawgyiOriginals", nullValue());
        anonymous().queryParam("q", "ျမစ္ႀကီးနား").queryParam("prisonId", prison(unique("Kachin")))
                .get("/api/v1/incidents").then().statusCode(200).body("items", empty());
    }

    /** Found by a hostile review: a run of thousands of words once overflowed the stack (a 500) on long notes. */
    @Test
    void aLongTextOfManyWordsIsStored() {
        Map<String, Object> body = incidentBody(prison(unique("Kachin")), "2025-03-01", null);
        String typed = "ေထာင္ ".repeat(2500) + "\u200b".repeat(3) + "က\u200b".repeat(2000);
        body.put("description", typed);
        String id = create("incidents", body);
        api().get("/api/v1/incidents/" + id).then().statusCode(200)
                .body("description", equalTo("ထောင် ".repeat(2500) + "\u200b".repeat(3) + "က\u200b".repeat(2000)))
                .body("zawgyiOriginals", equalTo(Map.of("/description", typed)));
    }

    /** A Unicode prison name pasted into a Zawgyi sentence keeps its spelling, and search still finds it. */
    @Test
    void aUnicodeWordInAZawgyiSentenceStaysAsTyped() {
        String prisonId = prison(unique("Kachin"));
        Map<String, Object> body = incidentBody(prisonId, "2025-03-01", null);
        String zawgyi = "စစ္ေကာင္စီသည္ အက်ဉ္းသားမ်ားကို လက္နက္ကိုင္ခိုင္းၿပီး တိုက္ပြဲသို႔ ေစလႊတ္ခဲ့သည္။";
        body.put("description", zawgyi + " " + BANMAW);
        body.put("confidentiality", "PUBLIC");
        String id = create("incidents", body);
        api().get("/api/v1/incidents/" + id).then().statusCode(200).body("description", equalTo(
                "စစ်ကောင်စီသည် အကျဉ်းသားများကို လက်နက်ကိုင်ခိုင်းပြီး တိုက်ပွဲသို့ စေလွှတ်ခဲ့သည်။ " + BANMAW));
        anonymous().queryParam("q", BANMAW).queryParam("prisonId", prisonId).get("/api/v1/incidents").then()
                .statusCode(200).body("items.id", contains(id));
    }

    /** Fifty citations with long Zawgyi excerpts: more than the originals column first held (a 500 then). */
    @Test
    void theOriginalsOfAFullRecordAreKept() {
        String sourceId = create("sources", org.prisonwatch.support.Fixtures.sourceBody());
        String excerpt = "ေထာင္ဒဏ္ကာလ ေလ်ွာ့ေပးမည္ဟု ကတိေပးခဲ့သည္။ ".repeat(97);
        Map<String, Object> body = incidentBody(prison(unique("Kachin")), "2025-03-01", null);
        body.put("citations", java.util.Collections.nCopies(50, Map.of("sourceId", sourceId, "excerpt", excerpt)));
        body.put("description", excerpt.repeat(4));
        String id = create("incidents", body);
        assertEquals(1, db.count("select count(*) from incident where id = ? and length(zawgyi_originals) > 200000",
                id));
    }

    /** A link points where it was typed, whatever script its path is in. */
    @Test
    void linksAreKeptAsTyped() {
        Map<String, Object> source = org.prisonwatch.support.Fixtures.sourceBody();
        String url = "https://my.wikipedia.org/wiki/" + BANMAW_ZAWGYI;
        source.put("url", url);
        String id = create("sources", source);
        api().get("/api/v1/sources/" + id).then().statusCode(200).body("url", equalTo(url))
                .body("zawgyiOriginals", nullValue());
    }

    /** Exact filters compare text as it is stored: a region or township typed in Zawgyi either time matches. */
    @Test
    void filtersOnTextConvertLikeTheRecords() {
        String suffix = unique("");
        Map<String, Object> body = prisonBody("ကခ်င္ျပည္နယ္" + suffix);
        body.put("township", "ဗန္းေမာ္");
        String id = create("prisons", body);
        for (String township : List.of("ဗန္းေမာ္", "ဗန်းမော်")) {
            anonymous().queryParam("stateRegion", "ကချင်ပြည်နယ်" + suffix).queryParam("township", township)
                    .get("/api/v1/prisons").then().statusCode(200).body("items.id", contains(id));
        }
        incidentOn(id, "2025-03-01", "PUBLIC");
        for (String region : List.of("ကခ်င္ျပည္နယ္" + suffix, "ကချင်ပြည်နယ်" + suffix)) {
            anonymous().queryParam("groupBy", "stateRegion").queryParam("stateRegion", region)
                    .get("/api/v1/stats/incidents").then().statusCode(200)
                    .body("rows.keys.stateRegion", contains("ကချင်ပြည်နယ်" + suffix));
        }
    }

    /**
     * A record written before Zawgyi was converted holds it as typed: searching as typed still finds it, and a
     * partner's nightly sync sending the same text again is no change.
     */
    @Test
    void recordsWrittenBeforeConversionStillWork() {
        String ref = unique("zawgyi-legacy");
        Map<String, Object> body = incidentBody(prison(unique("Kachin")), "2025-03-01", null);
        body.put("title", "Legacy");
        String id = as(Role.PARTNER).body(body).put("/api/v1/incidents/by-ref/" + ref).then().statusCode(201)
                .extract().path("id");
        // as an earlier release stored it: the text as typed, and its search text likewise
        db.execute("update incident set title = ?, search_text = ? where id = ?", MYITKYINA_ZAWGYI,
                MYITKYINA_ZAWGYI, id);

        body.put("title", MYITKYINA_ZAWGYI);
        as(Role.PARTNER).body(body).put("/api/v1/incidents/by-ref/" + ref).then().statusCode(200)
                .body("version", equalTo(1));
        as(Role.PARTNER).queryParam("q", "ျမစ္ႀကီးနား").queryParam("prisonId", (String) body.get("prisonId"))
                .get("/api/v1/incidents").then().statusCode(200).body("items.id", contains(id));
    }

    /**
     * What was typed in a casualty's person or a source's contact is identifying: no caller who may not read those
     * fields gets it, from any path that returns the records.
     */
    @Test
    void identifyingTextTypedInZawgyiReachesNoOneWhoMayNotReadIt() {
        String otherReporter = Keys.another(Role.REPORTER);
        List<String> callers = java.util.Arrays.asList(null, Keys.of(Role.PARTNER), otherReporter);
        Map<String, String> feedEnds = new java.util.HashMap<>();
        for (String key : callers) {
            feedEnds.put(key, FeedReader.atEnd(() -> key == null ? given() : given().header("Authorization",
                    "Bearer " + key)).cursor());
        }
        String incidentId = incidentOn(prison(unique("Kachin")), "2025-03-01", "PUBLIC");
        String person = "ေမာင္ေအာင္ျမင့္ေက်ာ္";
        String personUnicode = "မောင်အောင်မြင့်ကျော်";
        Map<String, Object> casualty = casualtyBody(incidentId);
        casualty.put("person", Map.of("name", person));
        String casualtyId = as(Role.REPORTER).body(casualty).post("/api/v1/casualties").then().statusCode(201)
                .extract().path("id");
        Map<String, Object> source = org.prisonwatch.support.Fixtures.sourceBody();
        source.put("contact", "ဖုန္း " + person);
        String sourceId = as(Role.REPORTER).body(source).post("/api/v1/sources").then().statusCode(201)
                .extract().path("id");
        // published by an analyst, so that every caller below sees the records themselves
        patch("\"1\"").body(Map.of("confidentiality", "PUBLIC")).patch("/api/v1/casualties/" + casualtyId).then()
                .statusCode(200);
        patch("\"1\"").body(Map.of("confidentiality", "PUBLIC")).patch("/api/v1/sources/" + sourceId).then()
                .statusCode(200);
        anonymous().get("/api/v1/casualties/" + casualtyId).then().statusCode(200);

        List<String> paths = List.of("/api/v1/casualties/" + casualtyId, "/api/v1/casualties/" + casualtyId
                + "/history", "/api/v1/incidents/" + incidentId + "/casualties", "/api/v1/casualties?incidentId="
                + incidentId, "/api/v1/sources/" + sourceId, "/api/v1/sources/" + sourceId + "/history",
                "/api/v1/changes?limit=500&after=");
        int checked = 0;
        for (String key : callers) {
            for (String listed : paths) {
                String path = listed.endsWith("after=") ? listed + feedEnds.get(key) : listed;
                for (String type : List.of("application/json", "text/csv", "application/geo+json")) {
                    var request = given().accept(type);
                    String seen = (key == null ? request : request.header("Authorization", "Bearer " + key))
                            .get(path).asString();
                    checked++;
                    assertFalse(seen.contains(person) || seen.contains(personUnicode) || seen.contains("ဖုန္း"),
                            path + " as " + type);
                }
            }
        }
        assertEquals(63, checked);
        // the reporter who typed them, and staff, do read them
        as(Role.REPORTER).get("/api/v1/casualties/" + casualtyId).then().statusCode(200)
                .body("person.name", equalTo(personUnicode))
                .body("zawgyiOriginals", equalTo(Map.of("/person/name", person)));
        as(Role.ANALYST).get("/api/v1/sources/" + sourceId).then().statusCode(200)
                .body("zawgyiOriginals", equalTo(Map.of("/contact", "ဖုန္း " + person)));
    }

    private static List<String> fixture(String name) {
        try (InputStream in = ZawgyiTest.class.getResourceAsStream("/burmese/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
