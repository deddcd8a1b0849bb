package org.prisonwatch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The benchmark run that src/bench/run starts once the service is built: for each database kind, a fresh
 * database with a generated data set, then every scenario against the packaged service, then the reference app,
 * then one table. Options are described in src/bench/run.
 */
public final class Bench {

    private static final String ENGLISH_TERM = "myitkyina";
    private static final String BURMESE_TERM = "မြစ်ကြီးနား";

    private final Options options;
    private final ObjectMapper json = new ObjectMapper();
    private final long started = System.nanoTime();
    private final Wrk wrk;
    private final int port;
    private final int managementPort;
    private final int referencePort;

    /** An API key as issued: its id (the audit's actor, a record's submitter) and the secret sent as Bearer. */
    record Key(UUID id, String secret) {
    }

    record Keys(Key admin, List<Key> analysts, List<Key> reporters, List<Key> partners) {

        Generator.Actors actors() {
            return new Generator.Actors(admin.id(), analysts.stream().map(Key::id).toList(),
                    reporters.stream().map(Key::id).toList(), partners.stream().map(Key::id).toList());
        }
    }

    /** What one scenario measured: closed-load throughput, open-load latency at the given rate. */
    record Measured(String label, Wrk.Result throughput, OpenLoad.Result latency, double rate) {
    }

    /** Everything measured against one service (one database kind, or the reference app). */
    static final class Run {
        final String name;
        final Map<String, Measured> scenarios = new LinkedHashMap<>();
        double secondsToFirstRequest;
        long rssStartKb;
        long rssAfterKb;
        RawJdbc.Timing rawById;
        RawJdbc.Timing rawFirstPage;
        RawJdbc.Timing rawDeepPage;
        RawJdbc.FeedScan rawFeed;
        List<Plans.Plan> plans = List.of();
        FeedCatchUp.Result feed;
        CsvExportRun.Result export;
        BulkImportRun.Result bulk;
        Loader.Result load;
        /** Why measuring stopped early (the service exited, say); null when every scenario ran. */
        String failure;
        boolean indexAvailable = true;
        String indexStatus = "";
        String chain = "";

        Run(String name) {
            this.name = name;
        }
    }

    private Bench(Options options) {
        this.options = options;
        this.wrk = new Wrk(options.path("wrk-script"), options.integer("threads"), options.integer("connections"));
        this.port = port(options.get("port"));
        this.managementPort = port(options.get("management-port"));
        this.referencePort = port(options.get("reference-port"));
    }

    /** The given port, or a free one when "free". */
    private static int port(String option) {
        if (!option.equals("free")) {
            return Integer.parseInt(option);
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A service that cannot bind its port would leave another process answering our requests. */
    private static void requireFree(int... ports) {
        for (int candidate : ports) {
            try (ServerSocket socket = new ServerSocket(candidate)) {
                socket.setReuseAddress(true);
            } catch (IOException e) {
                throw new IllegalStateException("port " + candidate + " is in use by another process; choose "
                        + "others with --port, --management-port, --reference-port (default: free ports)");
            }
        }
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        new Bench(options).run();
    }

    private void run() throws Exception {
        List<Run> runs = new ArrayList<>();
        for (String kind : options.kinds()) {
            runs.add(runKind(kind));
        }
        Run reference = options.has("reference-jar") ? runReference() : null;
        System.out.println();
        System.out.println(summary(runs, reference));
        System.out.printf(Locale.ROOT, "Total wall time: %s%n", elapsed());
    }

    // --- one database kind ---------------------------------------------------------------------------------

    private Run runKind(String kind) throws Exception {
        Run run = new Run(kind);
        Path dir = options.path("work").resolve("run-" + kind);
        deleteRecursively(dir);
        Files.createDirectories(dir);
        Path dataDir = dir.resolve("data");
        Path keysDir = dataDir.resolve("keys");
        Map<String, String> env = serviceEnv(kind, dataDir, keysDir);
        List<String> command = javaCommand(options.path("app-" + kind).resolve("quarkus-run.jar"), List.of());
        String base = "http://127.0.0.1:" + port;
        Http http = new Http(base);
        Loader.Db db = kind.equals("h2")
                ? new Loader.Db("h2", "jdbc:h2:file:" + dataDir.resolve("prisonwatch") + ";LOCK_TIMEOUT=10000", "sa",
                        "")
                : new Loader.Db("postgresql", options.get("pg-url"), options.get("pg-user"),
                        options.get("pg-password"));

        progress(kind + ": first start on an empty database (migrations, keys directory, API keys, sample writes)");
        String bootstrap = randomSecret();
        Map<String, String> setupEnv = new HashMap<>(env);
        setupEnv.put("PRISONWATCH_BOOTSTRAP_ADMIN_KEY", bootstrap);
        Keys keys;
        List<Loader.Sample> samples;
        String checkpoint;
        requireFree(port, managementPort);
        try (ServiceProcess service = ServiceProcess.start(command, setupEnv, dir, dir.resolve("service-setup.log"),
                base + options.get("first-request-path"), Duration.ofMinutes(5))) {
            keys = issueKeys(http, bootstrap);
            samples = writeSamples(http, keys);
            Http.Response signed = http.get("/api/v1/audit/checkpoint", keys.admin().secret());
            require(signed, 200, "GET /api/v1/audit/checkpoint");
            checkpoint = signed.body();
        }

        progress(kind + ": loading " + String.format(Locale.ROOT, "%,d", options.integer("records"))
                + " incidents with their prisons, sources, reports, casualties, audit chain, versions and feed");
        run.load = new Loader(db, json, this::progress).load(keysDir, options.integer("records"), keys.actors(),
                options.integer("seed"), samples);
        progress(String.format(Locale.ROOT, "%s: loaded in %.1f s; rows per table (before, expected, found):",
                kind, run.load.seconds()));
        run.load.counts().forEach((table, c) -> progress(String.format(Locale.ROOT,
                "    %-32s %,10d %,10d %,10d", table, c[0], c[1], c[2])));

        Duration rawDuration = Duration.ofSeconds(Math.max(1, Math.min(5, options.integer("duration"))));
        UUID partnerId = keys.partners().get(0).id();
        progress(kind + ": raw JDBC floors (service stopped: an embedded database has one process)");
        try (Connection connection = db.connect()) {
            UUID deepAfter = RawJdbc.idAtDepth(connection, run.load.liveReported(), 0.9);
            RawJdbc.page(connection, null, Duration.ofSeconds(1));
            run.rawById = RawJdbc.byId(connection, run.load.manifest().incidentSample, rawDuration);
            run.rawFirstPage = RawJdbc.page(connection, null, rawDuration);
            run.rawDeepPage = RawJdbc.page(connection, deepAfter, rawDuration);
            run.rawFeed = RawJdbc.feed(connection, partnerId, Duration.ofSeconds(options.integer("feed-seconds")));
            run.plans = Plans.check(connection, kind, deepAfter, partnerId, ENGLISH_TERM);
        }

        progress(kind + ": starting the service on the loaded database");
        requireFree(port, managementPort);
        try (ServiceProcess service = ServiceProcess.start(command, env, dir, dir.resolve("service.log"),
                base + options.get("first-request-path"), Duration.ofMinutes(5))) {
            run.secondsToFirstRequest = service.secondsToFirstRequest;
            run.rssStartKb = service.rssAtStartKb;
            progress(String.format(Locale.ROOT, "%s: first 200 after %.2f s, RSS %,d kB", kind,
                    run.secondsToFirstRequest, run.rssStartKb));
            run.chain = verifyChain(http, keys, checkpoint, run.load.headSeq());
            progress(kind + ": " + run.chain);
            try {
                measureAll(run, http, base, keys, dir.resolve("wrk"));
            } catch (Exception e) {
                // a service that falls over under load is a result: report it, keep what was measured, go on
                run.failure = service.alive() ? String.valueOf(e.getMessage()).lines().findFirst().orElse("")
                        : "the service exited: " + ServiceProcess.lastFailure(service.log);
                progress(kind + ": measuring stopped: " + run.failure);
            }
            run.rssAfterKb = service.alive() ? service.rssKb() : 0;
        }
        return run;
    }

    private void measureAll(Run run, Http http, String base, Keys keys, Path wrkDir) throws Exception {
        String analyst = keys.analysts().get(0).secret();
        String indexPath = options.get("index-path");
        Http.Response index = http.get(indexPath, null);
        if (!index.ok()) {
            run.indexAvailable = false;
            run.indexStatus = "GET " + indexPath + " answers " + index.status();
            progress(run.name + ": " + run.indexStatus + ": the index scenario is measured anyway and its ratios "
                    + "are not judged");
        }
        List<String> byId = new ArrayList<>();
        run.load.manifest().incidentSample.forEach(id -> byId.add("/api/v1/incidents/" + id));
        String listPath = "/api/v1/incidents?verificationStatus=REPORTED&limit=50";
        String deepCursor = cursorAtDepth(http, analyst, "/api/v1/incidents?verificationStatus=REPORTED",
                (long) Math.floor(run.load.liveReported() * 0.9));

        measure(run, wrkDir, base, http, Scenario.get("index", "index GET " + indexPath, List.of(indexPath), null));
        measure(run, wrkDir, base, http, Scenario.get("by-id", "GET incident by id (random)", byId, analyst));
        measure(run, wrkDir, base, http, Scenario.get("first-page", "first page of 50, filtered", List.of(listPath),
                analyst));
        measure(run, wrkDir, base, http, Scenario.get("deep-page", "page of 50 at 90 % depth", List.of(listPath
                + "&cursor=" + deepCursor), analyst));
        measure(run, wrkDir, base, http, Scenario.get("search-en", "search q=" + ENGLISH_TERM,
                List.of("/api/v1/incidents?limit=50&q=" + ENGLISH_TERM), analyst));
        measure(run, wrkDir, base, http, Scenario.get("search-my", "search q=(Myitkyina in Burmese script)",
                List.of("/api/v1/incidents?limit=50&q=" + URLEncoder.encode(BURMESE_TERM, StandardCharsets.UTF_8)),
                analyst));

        progress(run.name + ": feed catch-up from zero as a partner, " + FeedCatchUp.PAGE + " per page");
        String feedWarmedUp = warmUpFeed(http, analyst);
        run.feed = FeedCatchUp.run(http, keys.partners().get(0).secret(), json,
                Duration.ofSeconds(options.integer("feed-seconds")));
        progress(String.format(Locale.ROOT, "%s: feed %,d rows in %,d pages, %.1f s, %,.0f rows/s%s  (warm-up %s)",
                run.name, run.feed.rows(), run.feed.pages(), run.feed.seconds(), run.feed.rowsPerSecond(),
                run.feed.reachedEnd() ? ", to the end" : ", stopped by --feed-seconds", feedWarmedUp));

        progress(run.name + ": every incident as CSV, as an analyst");
        run.export = CsvExportRun.run(http, analyst, "http://127.0.0.1:" + managementPort + "/q/metrics",
                Duration.ofMinutes(30));
        progress(String.format(Locale.ROOT, "%s: export %d, %,d rows, first byte after %.0f ms, %,.0f rows/s, peak "
                + "heap %,d MB", run.name, run.export.status(), run.export.rows(), run.export.firstByteMillis(),
                run.export.rowsPerSecond(), run.export.peakHeapBytes() / (1024 * 1024)));

        progress(String.format(Locale.ROOT, "%s: %,d incidents in one bulk request by reference, then %,d by-ref PUTs "
                + "one at a time, as a partner", run.name, options.integer("bulk-lines"), options.integer("single-puts")));
        run.bulk = BulkImportRun.run(http, keys.partners().get(0).secret(), "http://127.0.0.1:" + managementPort
                + "/q/metrics", options.integer("bulk-lines"), options.integer("single-puts"), Duration.ofHours(2));
        progress(String.format(Locale.ROOT, "%s: bulk %d, %,d lines answered (%,d created) in %.1f s, %,.0f lines/s, "
                + "peak heap %,d MB; single PUTs %,.0f/s", run.name, run.bulk.status(), run.bulk.answered(),
                run.bulk.created(), run.bulk.seconds(), run.bulk.linesPerSecond(),
                run.bulk.peakHeapBytes() / (1024 * 1024), run.bulk.singlePutsPerSecond()));

        UUID prison = firstId(http, "/api/v1/prisons?limit=1", null);
        UUID publicSource = firstId(http, "/api/v1/sources?limit=1", null);
        String post = writeBody(prison, publicSource, false);
        String put = writeBody(prison, publicSource, true);
        List<String> pool = run.load.manifest().untouchedIncidents.stream().map(UUID::toString).toList();
        measure(run, wrkDir, base, http, Scenario.post("post", "POST incident with Idempotency-Key (reporter)",
                "/api/v1/incidents", keys.reporters().get(0).secret(), post));
        measure(run, wrkDir, base, http, Scenario.put("put", "PUT incident with If-Match (analyst)",
                "/api/v1/incidents/", analyst, put, pool));
        List<String> reads = new ArrayList<>(byId);
        byId.forEach(path -> reads.add(listPath));
        measure(run, wrkDir, base, http, Scenario.mixed("mixed", "mixed 80/15/5 read/write/feed", reads, analyst,
                "/api/v1/incidents", keys.reporters().get(1).secret(), post,
                "/api/v1/changes?limit=" + FeedCatchUp.PAGE, keys.partners().get(0).secret(), run.feed.cursor()));
    }

    /** The -Xmx the service ran with, as given in its JVM options. */
    private String heapCap() {
        java.util.regex.Matcher cap = java.util.regex.Pattern.compile("-Xmx(\\S+)").matcher(options.get("jvm-options"));
        return cap.find() ? "heap capped at " + cap.group(1) : "no -Xmx: the JVM's default cap";
    }

    private void measure(Run run, Path dir, String base, Http http, Scenario scenario) throws Exception {
        Files.createDirectories(dir);
        String runId = Long.toString(System.currentTimeMillis(), 36);
        String warmedUp = warmUp(base, dir, runId, scenario);
        Wrk.Result throughput = wrk.run(base, scenario.writeSpec(dir, runId, wrk.threads(), false),
                Duration.ofSeconds(options.integer("duration")), dir.resolve(scenario.name + ".log"));
        double rate = Math.max(1, Math.min(options.integer("rate"), Math.floor(throughput.perSecond() / 2)));
        OpenLoad.Result latency = OpenLoad.run(http, scenario.openSource(), rate,
                Duration.ofSeconds(options.integer("duration")), options.integer("workers"));
        run.scenarios.put(scenario.name, new Measured(scenario.label, throughput, latency, rate));
        progress(String.format(Locale.ROOT, "%s: %-44s %,9.0f req/s  p50 %7.2f ms  p99 %7.2f ms  errors %d/%d"
                + "  (warm-up %s)", run.name, scenario.label, throughput.perSecond(), latency.p50Millis(),
                latency.p99Millis(), throughput.errors(), latency.errors(), warmedUp));
    }

    /**
     * The feed warmed up as every scenario is ({@link WarmUp}), on the same code, but by an analyst reading from
     * zero for a slice at a time: it leaves no render for the partner to reuse, since a catch-up keeps none (only the
     * page that reaches the end does, and an analyst's renders carry identifying data the partner's responses never
     * carry), so the partner's catch-up renders afresh. One 5 s read had left the partner's catch-up measuring the
     * compiler: on the 10k data set, catch-ups in a row went 4,512 &gt; 11,649 &gt; 14,458 rows/s.
     */
    private String warmUpFeed(Http http, String analyst) throws Exception {
        int slice = options.integer("warmup");
        if (slice <= 0) {
            return "none";
        }
        WarmUp warmUp = WarmUp.until(Math.max(1, options.integer("warmup-max") / slice),
                i -> FeedCatchUp.run(http, analyst, json, Duration.ofSeconds(slice)).rowsPerSecond());
        return warmUp.slices() + " reads of at most " + slice + " s: " + warmUp + " rows/s";
    }

    /**
     * Closed load until the scenario's throughput settles, and what it went through. The JIT takes tens of seconds
     * to compile a path on two cores shared with the database and the load generator (on a fresh service the
     * index went from 3,311 to 17,909 req/s over its first four 5 s slices, an incident by id from 724 to 2,308
     * over eight): measured before that, a scenario measures the compiler. Slices of {@code --warmup} seconds until
     * they settle ({@link WarmUp}; a scenario that starts failing does not settle on its errors), for at most
     * {@code --warmup-max} seconds; a PUT scenario gets one slice, since its warm-up pool starts from version 1 and
     * can be edited once.
     */
    private String warmUp(String base, Path dir, String runId, Scenario scenario) throws Exception {
        int slice = options.integer("warmup");
        if (slice <= 0) {
            return "none";
        }
        int slices = scenario.editsPool() ? 1 : Math.max(1, options.integer("warmup-max") / slice);
        WarmUp warmUp = WarmUp.until(slices, i -> wrk.run(base, scenario.writeSpec(dir, runId + "w" + i,
                wrk.threads(), true), Duration.ofSeconds(slice), dir.resolve(scenario.name + ".warmup" + i + ".log"))
                .okPerSecond());
        return warmUp.slices() * slice + " s: " + warmUp + " 2xx/s";
    }

    // --- the reference app ---------------------------------------------------------------------------------

    private Run runReference() throws Exception {
        Run run = new Run("reference");
        Path dir = options.path("work").resolve("run-reference");
        deleteRecursively(dir);
        Files.createDirectories(dir);
        List<String> command = javaCommand(options.path("reference-jar"), List.of(
                "-Dquarkus.http.port=" + referencePort,
                "-Dquarkus.datasource.jdbc.url=" + options.get("reference-db-url"),
                "-Dquarkus.datasource.username=" + options.get("pg-user"),
                "-Dquarkus.datasource.password=" + options.get("pg-password")));
        String base = "http://127.0.0.1:" + referencePort;
        progress("reference: starting " + options.get("reference-jar"));
        requireFree(referencePort);
        try (ServiceProcess service = ServiceProcess.start(command, Map.of(), dir, dir.resolve("reference.log"),
                base + "/fruits", Duration.ofMinutes(5))) {
            run.secondsToFirstRequest = service.secondsToFirstRequest;
            run.rssStartKb = service.rssAtStartKb;
            progress(String.format(Locale.ROOT, "reference: first 200 after %.2f s, RSS %,d kB",
                    run.secondsToFirstRequest, run.rssStartKb));
            try {
                measure(run, dir.resolve("wrk"), base, new Http(base),
                        Scenario.get("fruits", "reference GET /fruits", List.of("/fruits"), null));
            } catch (Exception e) {
                run.failure = service.alive() ? String.valueOf(e.getMessage()).lines().findFirst().orElse("")
                        : "the reference app exited: " + ServiceProcess.lastFailure(service.log);
                progress("reference: measuring stopped: " + run.failure);
            }
            run.rssAfterKb = service.alive() ? service.rssKb() : 0;
        }
        return run;
    }

    // --- setup through the API -----------------------------------------------------------------------------

    /** Named keys for every role, issued by the bootstrap admin as README's "First keys" describes. */
    private Keys issueKeys(Http http, String bootstrap) {
        Key admin = issue(http, bootstrap, "bench admin", "ADMIN");
        List<Key> analysts = List.of(issue(http, bootstrap, "bench analyst 1", "ANALYST"),
                issue(http, bootstrap, "bench analyst 2", "ANALYST"));
        List<Key> reporters = List.of(issue(http, bootstrap, "bench field reporter 1", "REPORTER"),
                issue(http, bootstrap, "bench field reporter 2", "REPORTER"),
                issue(http, bootstrap, "bench field reporter 3", "REPORTER"));
        List<Key> partners = List.of(issue(http, bootstrap, "bench partner 1", "PARTNER"),
                issue(http, bootstrap, "bench partner 2", "PARTNER"));
        return new Keys(admin, analysts, reporters, partners);
    }

    private Key issue(Http http, String adminKey, String name, String role) {
        ObjectNode body = json.createObjectNode().put("name", name).put("role", role);
        Http.Response response = http.send("POST", "/api/v1/admin/api-keys", adminKey, body.toString(), Map.of());
        require(response, 201, "POST /api/v1/admin/api-keys");
        JsonNode issued = response.json(json);
        return new Key(UUID.fromString(issued.get("id").asText()), issued.get("key").asText());
    }

    /**
     * One record of each kind written through the API by an analyst, from the generator's inputs: the loader
     * checks that the service stored them exactly as it stores generated records.
     */
    private List<Loader.Sample> writeSamples(Http http, Keys keys) {
        Key analyst = keys.analysts().get(0);
        Inputs inputs = new Inputs(json, new SplittableRandom(options.integer("seed") + 1L));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<Loader.Sample> samples = new ArrayList<>();
        ObjectNode prison = inputs.prison(Generator.PRISONS);
        UUID prisonId = create(http, analyst, Kind.PRISON, prison, samples, List.of("CREATE"));
        ObjectNode source = inputs.source(1, true, true);
        UUID sourceId = create(http, analyst, Kind.SOURCE, source, samples, List.of("CREATE", "READ_CONTACT"));
        ObjectNode incident = inputs.incident(Generator.PRISONS, prisonId, today, true, List.of(sourceId), null);
        UUID incidentId = create(http, analyst, Kind.INCIDENT, incident, samples, List.of("CREATE"));
        create(http, analyst, Kind.ARMED_INMATE_REPORT, inputs.report(prisonId, incidentId, today, true,
                List.of(sourceId), null), samples, List.of("CREATE"));
        create(http, analyst, Kind.CASUALTY, inputs.casualty(incidentId,
                LocalDate.parse(incident.get("occurredFrom").asText()), true, true, List.of(sourceId), null),
                samples, List.of("CREATE", "READ_PERSON"));
        return samples;
    }

    private UUID create(Http http, Key author, Kind kind, ObjectNode input, List<Loader.Sample> samples,
            List<String> actions) {
        Http.Response response = http.send("POST", kind.path, author.secret(), input.toString(), Map.of());
        require(response, 201, "POST " + kind.path);
        UUID id = UUID.fromString(response.json(json).get("id").asText());
        samples.add(new Loader.Sample(kind, id, input, author.id(), actions));
        return id;
    }

    /** The service's own check of the chain: POST /audit/verify with the checkpoint signed before the load. */
    private String verifyChain(Http http, Keys keys, String checkpoint, long loadedHead) {
        Http.Response response = http.send("POST", "/api/v1/audit/verify", keys.admin().secret(), checkpoint,
                Map.of(), Duration.ofMinutes(30));
        String how = "POST /api/v1/audit/verify against the pre-load checkpoint";
        if (response.status() == 408) {
            // the slow-upload guard answers 408 to a verification that outlasts its grace period, although the
            // body arrived at once: say so, and have the whole chain checked without a body instead
            String refused = "POST /api/v1/audit/verify answered 408 (" + response.json(json).path("detail").asText()
                    + ")";
            progress(refused + "; asking GET /api/v1/audit/verify instead");
            response = http.get("/api/v1/audit/verify", keys.admin().secret());
            how = refused + "; GET /api/v1/audit/verify";
        }
        require(response, 200, how);
        JsonNode verdict = response.json(json);
        if (!verdict.path("intact").asBoolean(false) || verdict.path("headSeq").asLong() < loadedHead) {
            throw new IllegalStateException("the service does not confirm the loaded audit chain: "
                    + response.body());
        }
        return String.format(Locale.ROOT, "%s: intact, %,d entries checked up to %,d", how,
                verdict.path("entriesChecked").asLong(), verdict.path("headSeq").asLong());
    }

    /** A cursor after the first rows of a list, paging there through the API (cursors are sealed). */
    private String cursorAtDepth(Http http, String key, String list, long rows) {
        String cursor = null;
        long skipped = 0;
        while (skipped < rows) {
            int limit = (int) Math.min(500, rows - skipped);
            Http.Response page = http.get(list + "&limit=" + limit + (cursor == null ? "" : "&cursor=" + cursor),
                    key);
            require(page, 200, "GET " + list);
            JsonNode body = page.json(json);
            skipped += body.get("items").size();
            if (body.get("nextCursor").isNull()) {
                throw new IllegalStateException("the list ended after " + skipped + " rows, before " + rows);
            }
            cursor = body.get("nextCursor").asText();
        }
        return cursor;
    }

    private UUID firstId(Http http, String path, String key) {
        Http.Response response = http.get(path, key);
        require(response, 200, "GET " + path);
        return UUID.fromString(response.json(json).get("items").get(0).get("id").asText());
    }

    /** An incident as a field reporter sends it ({n} made unique per request), or as an analyst replaces one. */
    private String writeBody(UUID prison, UUID source, boolean analyst) {
        ObjectNode body = json.createObjectNode();
        body.put("type", "FORCED_RECRUITMENT");
        body.put("title", "Inmates taken from Myitkyina Prison at night ({n})");
        body.put("description", "Relatives say about forty inmates were taken away by soldiers.\n\n"
                + "မြစ်ကြီးနား အကျဉ်းထောင်မှ အကျဉ်းသားများကို စစ်မှုထမ်းရန် အတင်းအကျပ် ခေါ်ယူခဲ့သည်။");
        body.put("prisonId", prison.toString());
        body.put("locationName", "Myitkyina, Kachin");
        body.put("occurredFrom", "2025-06-12");
        body.putArray("perpetrators").add("Myanmar military");
        body.putObject("peopleAffected").put("min", 30).put("best", 40).put("max", 50);
        body.put("verificationStatus", analyst ? "CORROBORATED" : "REPORTED");
        body.put("confidentiality", "RESTRICTED");
        ObjectNode citation = body.putArray("citations").addObject();
        citation.put("sourceId", source.toString()).put("reliability", "B").put("credibility", 2);
        return body.toString();
    }

    // --- the summary table ---------------------------------------------------------------------------------

    private String summary(List<Run> runs, Run reference) {
        Report table = new Report("db", "measure", "throughput", "p50 ms", "p99 ms", "errors", "notes");
        boolean first = true;
        for (Run run : runs) {
            if (!first) {
                table.rule();
            }
            first = false;
            addScenarios(table, run);
            if (run.failure != null) {
                table.row(run.name, "MEASURING STOPPED", "", "", "", "", run.failure);
            }
            if (run.feed != null) {
                table.row(run.name, "feed catch-up from zero (partner, 500/page)",
                    rate(run.feed.rowsPerSecond(), "rows/s"), ms(run.feed.pageMicros().getValueAtPercentile(50)),
                    ms(run.feed.pageMicros().getValueAtPercentile(99)), Long.toString(run.feed.errors()),
                    String.format(Locale.ROOT, "%,d rows, %,d pages%s; latency per page, one client", run.feed.rows(),
                            run.feed.pages(), run.feed.reachedEnd() ? ", to the end" : ", cut at --feed-seconds"));
            }
            if (run.export != null) {
                table.row(run.name, "every incident as CSV (analyst, one client)",
                        rate(run.export.rowsPerSecond(), "rows/s"), fmt(run.export.firstByteMillis()), "",
                        run.export.status() == 200 ? "0" : "status " + run.export.status(),
                        String.format(Locale.ROOT, "%,d rows, %,d MB, %.1f s; p50 column: time to first byte; peak "
                                + "heap %,d MB (%s)", run.export.rows(), run.export.bytes() / (1024 * 1024),
                                run.export.seconds(), run.export.peakHeapBytes() / (1024 * 1024), heapCap()));
            }
            if (run.bulk != null) {
                BulkImportRun.Result bulk = run.bulk;
                table.row(run.name, "bulk import by reference (partner, one request)",
                        rate(bulk.linesPerSecond(), "lines/s"), fmt(bulk.firstResultMillis()), "",
                        bulk.status() == 200 && bulk.created() == bulk.answered() ? "0"
                                : "status " + bulk.status() + ", " + (bulk.answered() - bulk.created()) + " not created",
                        String.format(Locale.ROOT, "%,d lines, %,d MB sent as made, %.1f s; p50 column: time to first "
                                + "result; peak heap %,d MB (%s)", bulk.answered(), bulk.bodyBytes() / (1024 * 1024),
                                bulk.seconds(), bulk.peakHeapBytes() / (1024 * 1024), heapCap()));
                table.row(run.name, "by-ref PUT one at a time (partner, one client)",
                        rate(bulk.singlePutsPerSecond(), "lines/s"), "", "",
                        bulk.singleCreated() == bulk.singlePuts() ? "0"
                                : (bulk.singlePuts() - bulk.singleCreated()) + " not created",
                        String.format(Locale.ROOT, "%,d records; bulk is %.1f times as fast", bulk.singlePuts(),
                                bulk.linesPerSecond() / bulk.singlePutsPerSecond()));
            }
            table.row(run.name, "raw JDBC: incident by id", rate(run.rawById.perSecond(), "reads/s"),
                    fmt(run.rawById.p50Millis()), fmt(run.rawById.p99Millis()), "-",
                    "one connection: its row, lists included, as the service reads an uncached one");
            table.row(run.name, "raw JDBC: first page of 50", rate(run.rawFirstPage.perSecond(), "pages/s"),
                    fmt(run.rawFirstPage.p50Millis()), fmt(run.rawFirstPage.p99Millis()), "-",
                    "one connection, same SQL and rows as the API page");
            table.row(run.name, "raw JDBC: page of 50 at 90 % depth", rate(run.rawDeepPage.perSecond(), "pages/s"),
                    fmt(run.rawDeepPage.p50Millis()), fmt(run.rawDeepPage.p99Millis()), "-", "");
            table.row(run.name, "raw JDBC: partner feed scan", rate(run.rawFeed.rowsPerSecond(), "rows/s"), "", "",
                    "-", String.format(Locale.ROOT, "%,d rows%s", run.rawFeed.rows(),
                            run.rawFeed.reachedEnd() ? ", to the end" : ", cut at --feed-seconds"));
            for (Plans.Plan plan : run.plans) {
                table.row(run.name, "plan: " + plan.query(), plan.ok() ? (plan.checked() ? "ok" : "-") : "SORTS",
                        "", "", "", plan.notes());
            }
            addProcess(table, run);
            table.row(run.name, "data set", "", "", "", "", String.format(Locale.ROOT,
                    "%,d incidents, %,d casualties, %,d reports, %,d sources, %,d audit entries; loaded in %.0f s",
                    count(run, "incident"), count(run, "casualty"), count(run, "armed_inmate_report"),
                    count(run, "source"), count(run, "audit_entry"), run.load.seconds()));
            table.row(run.name, "audit chain", "", "", "", "", run.chain);
            addTargets(table, run, reference);
        }
        if (reference != null) {
            table.rule();
            addScenarios(table, reference);
            if (reference.failure != null) {
                table.row(reference.name, "MEASURING STOPPED", "", "", "", "", reference.failure);
            }
            addProcess(table, reference);
        }
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "PrisonWatch benchmark: %,d incidents; each scenario warmed up in "
                + "slices of %d s until two in a row do not beat the best before them by more than 5 %% "
                + "(at most %d s), then %d s under wrk (%d threads, %d connections) for throughput, then %d s at a "
                + "constant rate (the lower of %d req/s and half the throughput, %d senders, latency from each "
                + "request's intended send time) for p50/p99; errors are non-2xx answers and failed requests "
                + "(wrk / open load). JVM: %s. Rate limiter on, "
                + "budgets raised to %s requests a minute per key and per anonymous address "
                + "(PRISONWATCH_RATE_LIMIT_PER_KEY, PRISONWATCH_RATE_LIMIT_ANONYMOUS). %d cores shared by client "
                + "and server.%n%n",
                options.integer("records"), options.integer("warmup"), options.integer("warmup-max"),
                options.integer("duration"), options.integer("threads"), options.integer("connections"),
                options.integer("duration"), options.integer("rate"), options.integer("workers"),
                options.get("jvm-options"), options.get("rate-limit"),
                Runtime.getRuntime().availableProcessors()));
        out.append(table.render());
        return out.toString();
    }

    private void addScenarios(Report table, Run run) {
        for (Measured m : run.scenarios.values()) {
            table.row(run.name, m.label(), rate(m.throughput().perSecond(), "req/s"), fmt(m.latency().p50Millis()),
                    fmt(m.latency().p99Millis()), m.throughput().errors() + " / " + m.latency().errors(),
                    String.format(Locale.ROOT, "latency at %.0f req/s", m.rate())
                            + statuses("wrk", m.throughput().statuses()) + statuses("open", m.latency().statuses())
                            + (m.label().startsWith("index") && !run.indexAvailable ? "; " + run.indexStatus : ""));
        }
    }

    private static void addProcess(Report table, Run run) {
        table.row(run.name, "time to first request", String.format(Locale.ROOT, "%.2f s", run.secondsToFirstRequest),
                "", "", "", "process start to first 200");
        table.row(run.name, "RSS at start / after load", String.format(Locale.ROOT, "%,d / %s MB",
                run.rssStartKb / 1024, run.rssAfterKb == 0 ? "-" : String.format(Locale.ROOT, "%,d",
                        run.rssAfterKb / 1024)), "", "", "", "VmRSS from /proc");
    }

    private void addTargets(Report table, Run run, Run reference) {
        Measured index = run.scenarios.get("index");
        Measured byId = run.scenarios.get("by-id");
        Measured page = run.scenarios.get("first-page");
        Measured deep = run.scenarios.get("deep-page");
        Measured post = run.scenarios.get("post");
        String noIndex = run.indexAvailable ? null : run.indexStatus;
        target(table, run, "GET by id / index throughput", byId == null || index == null ? null
                : byId.throughput().perSecond() / index.throughput().perSecond(), 0.6, true, noIndex);
        target(table, run, "50-item page / index throughput", page == null || index == null ? null
                : page.throughput().perSecond() / index.throughput().perSecond(), 0.35, true, noIndex);
        target(table, run, "p50 at 90 % depth / first page p50", deep == null || page == null ? null
                : deep.latency().p50Millis() / page.latency().p50Millis(), 1.3, false, null);
        target(table, run, "feed catch-up / raw JDBC feed scan rows/s", run.feed == null ? null
                : run.feed.rowsPerSecond() / run.rawFeed.rowsPerSecond(), 0.3, true, null);
        target(table, run, "sequential POST p50 / GET by id p50", post == null || byId == null ? null
                : post.latency().p50Millis() / byId.latency().p50Millis(), 3.0, false, null);
        if (reference != null) {
            Measured fruits = reference.scenarios.get("fruits");
            target(table, run, "50-item page / reference /fruits throughput", page == null || fruits == null ? null
                    : page.throughput().perSecond() / fruits.throughput().perSecond(), 1.0, true, null);
            target(table, run, "time to first request / reference's", run.secondsToFirstRequest
                    / reference.secondsToFirstRequest, 1.0, false, null);
            target(table, run, "RSS after load / reference's", run.rssAfterKb == 0 || reference.rssAfterKb == 0
                    ? null : (double) run.rssAfterKb / reference.rssAfterKb, 1.5, false, null);
        }
    }

    private static void target(Report table, Run run, String what, Double ratio, double bound, boolean atLeast,
            String notJudged) {
        String verdict = ratio == null ? "not measured" : notJudged != null ? "not judged: " + notJudged
                : (atLeast ? ratio >= bound : ratio <= bound) ? "met" : "MISSED";
        table.row(run.name, "target: " + what + (atLeast ? " >= " : " <= ") + fmt(bound),
                ratio == null ? "-" : String.format(Locale.ROOT, "%.2f", ratio), "", "", "", verdict);
    }

    private static String statuses(String where, Map<String, Long> statuses) {
        if (statuses.isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        statuses.forEach((status, count) -> parts.add(status + " x" + count));
        return "; " + where + ": " + String.join(", ", parts);
    }

    private static long count(Run run, String table) {
        return run.load.counts().get(table)[2];
    }

    private static String rate(double value, String unit) {
        return String.format(Locale.ROOT, "%,.0f %s", value, unit);
    }

    private static String ms(long micros) {
        return fmt(micros / 1000.0);
    }

    private static String fmt(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, value < 10 ? "%.2f" : "%.1f", value);
    }

    // --- processes and files -------------------------------------------------------------------------------

    private Map<String, String> serviceEnv(String kind, Path dataDir, Path keysDir) {
        Map<String, String> env = new HashMap<>();
        env.put("PRISONWATCH_DB_KIND", kind);
        env.put("PRISONWATCH_PORT", Integer.toString(port));
        env.put("PRISONWATCH_MANAGEMENT_PORT", Integer.toString(managementPort));
        env.put("PRISONWATCH_DATA_DIR", dataDir.toString());
        env.put("PRISONWATCH_KEYS_DIR", keysDir.toString());
        env.put("PRISONWATCH_RATE_LIMIT_PER_KEY", options.get("rate-limit"));
        env.put("PRISONWATCH_RATE_LIMIT_ANONYMOUS", options.get("rate-limit"));
        if (kind.equals("postgresql")) {
            env.put("PRISONWATCH_DB_URL", options.get("pg-url"));
            env.put("PRISONWATCH_DB_USER", options.get("pg-user"));
            env.put("PRISONWATCH_DB_PASSWORD", options.get("pg-password"));
        }
        return env;
    }

    /**
     * The JVM options given, for this jar. README.md's run command maps the package's class-data-sharing archive
     * ({@code -XX:SharedArchiveFile=target/quarkus-app/app-cds.jsa}): each app gets its own, where its build made
     * one, and otherwise none, since a JVM given an archive that does not exist shares no classes at all, not even
     * the JDK's (the reference app's build makes none).
     */
    private List<String> javaCommand(Path jar, List<String> properties) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Path archive = jar.resolveSibling("app-cds.jsa");
        for (String option : options.get("jvm-options").trim().split("\\s+")) {
            if (!option.startsWith("-XX:SharedArchiveFile=")) {
                command.add(option);
            } else if (Files.isRegularFile(archive)) {
                command.add("-XX:SharedArchiveFile=" + archive);
            }
        }
        command.addAll(properties);
        command.add("-jar");
        command.add(jar.toString());
        return command;
    }

    private static String randomSecret() {
        byte[] bytes = new byte[33];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void require(Http.Response response, int status, String what) {
        if (response.status() != status) {
            throw new IllegalStateException(what + " answered " + response.status() + " (expected " + status
                    + "): " + response.body());
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private void progress(String message) {
        System.out.println("[" + elapsed() + "] " + message);
        System.out.flush();
    }

    private String elapsed() {
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        return String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }
}
