package dev.haul.cli.demo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The bytes of a {@link Resource.Synthetic} file, computed on demand. Each 8-byte word is
 * splitmix64 of (seed of the name, word index): a counter-based generator, so any offset can be
 * computed directly, which a Range request needs and a sequential xorshift could not do. Names
 * ending in .txt, .csv or .md get printable text in lines of 72 characters instead.
 */
final class SyntheticBytes {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
    private static final int LINE = 72;
    private static final byte[] TEXT_ALPHABET =
            "etaoin shrdlu cmfwyp vbgkjq xz ETAOIN SHRDLU 0123456789,.;".getBytes(StandardCharsets.US_ASCII);
    private static final int SCRATCH = 64 * 1024;

    private final long seed;
    private final long size;
    private final boolean text;

    private SyntheticBytes(long seed, long size, boolean text) {
        this.seed = seed;
        this.size = size;
        this.text = text;
    }

    static SyntheticBytes of(Resource.Synthetic file) {
        String n = file.name();
        boolean text = n.endsWith(".txt") || n.endsWith(".csv") || n.endsWith(".md");
        return new SyntheticBytes(seedOf(n), file.size(), text);
    }

    /** A strong validator that changes whenever the bytes would. */
    String etag() {
        return String.format("\"%016x-%x\"", seed, size);
    }

    /** Fills {@code dst[off, off+len)} with the file's bytes from {@code position} on. */
    void fill(long position, byte[] dst, int off, int len) {
        if (position < 0 || len < 0 || position + len > size) throw new IndexOutOfBoundsException("past the end of the file");
        int i = 0;
        while (i < len) {
            long p = position + i;
            long word = word(p >>> 3);
            for (int k = (int) (p & 7); k < 8 && i < len; k++, i++) {
                int b = (int) (word >>> (k * 8)) & 0xFF;
                dst[off + i] = text ? textByte(position + i, b) : (byte) b;
            }
        }
    }

    /** The SHA-256 of the whole file, computed by streaming the generator: never all in memory. */
    String sha256() {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] buf = new byte[SCRATCH];
        for (long p = 0; p < size; ) {
            int n = (int) Math.min(buf.length, size - p);
            fill(p, buf, 0, n);
            digest.update(buf, 0, n);
            p += n;
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private long word(long index) {
        long z = seed + (index + 1) * GOLDEN_GAMMA;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static byte textByte(long position, int random) {
        return position % LINE == LINE - 1 ? (byte) '\n' : TEXT_ALPHABET[random % TEXT_ALPHABET.length];
    }

    /** FNV-1a over the name's UTF-8 bytes: the same name always gives the same file. */
    private static long seedOf(String name) {
        long h = 0xcbf29ce484222325L;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xFF;
            h *= 0x100000001b3L;
        }
        return h;
    }
}
