package dev.haul.bench;

import dev.haul.core.storage.TargetNames;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.net.URI;
import java.util.concurrent.TimeUnit;

/**
 * Picking the file name of a download, once per transfer: {@code TargetNames.choose} from a URL
 * alone or with a Content-Disposition header, and {@code sanitize} on ordinary names and on
 * hostile ones (path traversal, control and bidi characters, unpaired surrogates, names far over
 * the 241-byte limit). Each method goes through its whole set of inputs per invocation; the time
 * reported is per name.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TargetNamesBenchmark {
    static final String[] ORDINARY = {
            "ubuntu-24.04.1-desktop-amd64.iso",
            "report.pdf",
            "IMG_20261126_101500.jpg",
            "linux-6.12.tar.xz",
            "données été.csv",
            "data-000123.parquet",
            "index.html",
            "haul-0.1.0.tar.gz",
    };

    static final String[] HOSTILE = {
            "../../../../etc/passwd",
            "..\\..\\windows\\system32\\drivers\\etc\\hosts",
            ".bashrc",
            "..",
            "evil\u202Etxt.exe",
            "line\r\nbreak\u0000nul\u0007bell\u009Bcsi.txt",
            "lone\uD800surrogate\uDC00.bin",
            "   . . trailing dots and blanks . . .   ",
            "x".repeat(300) + ".tar.gz",
            "名".repeat(120) + ".txt",
            "\u2028\u2029\u061C\u200E\u200F\u2066\u2069",
            "/",
    };

    static final URI[] URLS = {
            URI.create("https://example.org/releases/haul-0.1.0.tar.gz"),
            URI.create("https://cdn.example.net/a/b/c/d/IMG_20261126_101500.jpg?w=1024&sig=abcdef0123456789"),
            URI.create("http://127.0.0.1:8080/files/x00042.bin"),
            URI.create("https://example.org/docs/"),
            URI.create("https://example.org/%E6%95%B0%E6%8D%AE/%E6%95%B0%E6%8D%AE%E9%9B%86.zip"),
            URI.create("https://example.org/dl/%2e%2e%2f%2e%2e%2fetc%2fpasswd"),
            URI.create("https://example.org/get?id=7"),
            URI.create("https://example.org/bad/%ff%fe%C3%28name.txt"),
    };

    static final String[] DISPOSITIONS = {
            "attachment; filename=\"report-2026.pdf\"",
            "attachment; filename*=UTF-8''na%C3%AFve%20r%C3%A9sum%C3%A9.txt; filename=\"naive resume.txt\"",
            "inline; filename=\"../../secret\\\".sh\"",
            "attachment; filename*=ISO-8859-1''caf%E9.txt",
            "attachment; filename*=UTF-8''%E2%80%AEgpj.exe",
            "attachment; filename=\"" + "long".repeat(100) + ".tar.gz\"",
            "attachment; filename*=KOI8-R''x; filename=fallback.bin",
            "attachment",
    };

    /** The counts in {@code @OperationsPerInvocation} must match the arrays. */
    @Setup(Level.Trial)
    public void checkCounts() {
        if (URLS.length != 8 || DISPOSITIONS.length != 8 || ORDINARY.length != 8 || HOSTILE.length != 12) {
            throw new IllegalStateException("update @OperationsPerInvocation to the new number of inputs");
        }
    }

    @Benchmark
    @OperationsPerInvocation(8)
    public void chooseFromUrl(Blackhole bh) {
        for (URI url : URLS) bh.consume(TargetNames.choose(null, null, url));
    }

    @Benchmark
    @OperationsPerInvocation(8)
    public void chooseFromContentDisposition(Blackhole bh) {
        for (int i = 0; i < DISPOSITIONS.length; i++) bh.consume(TargetNames.choose(null, DISPOSITIONS[i], URLS[i]));
    }

    @Benchmark
    @OperationsPerInvocation(8)
    public void sanitizeOrdinary(Blackhole bh) {
        for (String name : ORDINARY) bh.consume(TargetNames.sanitize(name));
    }

    @Benchmark
    @OperationsPerInvocation(12)
    public void sanitizeHostile(Blackhole bh) {
        for (String name : HOSTILE) bh.consume(TargetNames.sanitize(name));
    }
}
