package dev.kontak.metadata.bench;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.results.format.ResultFormatType;

/**
 * Starts {@link AccessCheckBenchmark} and its memory probe from Maven. Not part of the test suite (the name does
 * not end in Test); run it with the command in {@link AccessCheckBenchmark}. Results:
 * {@code modules/metadata/target/jmh-access-check.txt}.
 */
class AccessCheckBenchmarkRunner {

    @Test
    void run() throws Exception {
        new Runner(new OptionsBuilder()
                .include(AccessCheckBenchmark.class.getName())
                .jvmArgsAppend("-Xmx1g")
                .result("target/jmh-access-check.txt")
                .resultFormat(ResultFormatType.TEXT)
                .build()).run();
        CachedUserFootprint.report();
    }
}
