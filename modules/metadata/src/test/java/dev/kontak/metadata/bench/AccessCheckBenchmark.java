package dev.kontak.metadata.bench;

import dev.kontak.metadata.control.MetadataCache;
import dev.kontak.metadata.control.TestCaches;
import dev.kontak.metadata.entity.CachedMetadata;
import dev.kontak.metadata.entity.ContactIdSet;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * An access check against this node's metadata copy, against a bare ConcurrentHashMap lookup, and against the
 * direct indexed SQL query on PostgreSQL (127.0.0.1:5432, user postgres; it works in a temporary table). Run from
 * the repository root (see {@link AccessCheckBenchmarkRunner}). All three look the contacts up in one shuffled
 * order, as requests would: walking them in the order they were created would let the map's entries, allocated one
 * after the other, sit in the CPU's caches in that order too.
 *
 * <pre>mvn -B test -pl modules/metadata -am -Dtest=AccessCheckBenchmarkRunner -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class AccessCheckBenchmark {

    @Param({"100", "10000"})
    int contacts;

    private final UUID user = UUID.randomUUID();
    private final ConcurrentHashMap<UUID, Boolean> bare = new ConcurrentHashMap<>();
    private MetadataCache cache;
    private UUID[] ids;
    private int next;
    private Connection db;
    private PreparedStatement query;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        List<UUID> list = new ArrayList<>();
        for (int i = 0; i < contacts; i++) {
            list.add(UUID.randomUUID());
        }
        cache = TestCaches.weighing(1L << 30);
        cache.offer(new CachedMetadata(user, 1, Instant.now(), ContactIdSet.of(list)), cache.stamp(user));
        for (UUID id : list) {
            bare.put(id, Boolean.TRUE);
        }
        Collections.shuffle(list, new Random(42));
        ids = list.toArray(UUID[]::new);
        db = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
        try (Statement ddl = db.createStatement()) {
            ddl.execute("CREATE TEMPORARY TABLE bench_access (user_id UUID, contact_id UUID, PRIMARY KEY (user_id, contact_id))");
        }
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO bench_access VALUES (?, ?)")) {
            for (UUID id : ids) {
                insert.setObject(1, user);
                insert.setObject(2, id);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        try (Statement analyze = db.createStatement()) {
            analyze.execute("ANALYZE bench_access");
        }
        query = db.prepareStatement("SELECT 1 FROM bench_access WHERE user_id = ? AND contact_id = ?");
    }

    @TearDown(Level.Trial)
    public void tearDown() throws SQLException {
        db.close();
    }

    private UUID nextContact() {
        next = next + 1 == ids.length ? 0 : next + 1;
        return ids[next];
    }

    @Benchmark
    public boolean cachedMetadata() {
        Optional<CachedMetadata> copy = cache.peek(user);
        return copy.isPresent() && copy.get().canAccess(nextContact());
    }

    @Benchmark
    public boolean bareConcurrentHashMap() {
        return bare.get(nextContact()) != null;
    }

    @Benchmark
    public void indexedSqlQuery(Blackhole hole) throws SQLException {
        query.setObject(1, user);
        query.setObject(2, nextContact());
        try (ResultSet row = query.executeQuery()) {
            hole.consume(row.next());
        }
    }
}
