package dev.haul.cli.queue;

import dev.haul.core.Secrets;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * {@code --shard K/N}: item K of N by a stable hash of the item's first URL. The hash is SHA-256
 * of the URL as written, user info left out (so lists that differ only in credentials still
 * agree); its first 8 bytes, as an unsigned number, modulo N, plus one, is the item's shard.
 * Every machine computes the same shard for the same URL, in any order, with no coordinator.
 */
public record Shard(int k, int n) {
    public Shard {
        if (n < 1 || k < 1 || k > n) throw new IllegalArgumentException("--shard must be K/N with 1 <= K <= N");
    }

    /** Parses {@code K/N}; throws {@link IllegalArgumentException} with a message for the user. */
    public static Shard parse(String text) {
        String t = text == null ? "" : text.trim();
        int slash = t.indexOf('/');
        if (slash <= 0) throw new IllegalArgumentException("--shard must be K/N (such as 2/5), not '" + text + "'");
        try {
            return new Shard(Integer.parseInt(t.substring(0, slash).trim()), Integer.parseInt(t.substring(slash + 1).trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--shard must be K/N (such as 2/5), not '" + text + "'");
        }
    }

    public boolean contains(URI url) {
        return containsText(withoutUserInfo(url));
    }

    /** For a list line that does not parse: its first token, as written (masked). */
    public boolean containsText(String firstUrl) {
        return shardOf(firstUrl, n) == k;
    }

    /** The shard (1..n) of a URL's text. */
    static int shardOf(String url, int n) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(url.getBytes(StandardCharsets.UTF_8));
            long v = ByteBuffer.wrap(h, 0, 8).getLong();
            return (int) Long.remainderUnsigned(v, n) + 1;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    static String withoutUserInfo(URI u) {
        String raw = u.toString();
        String info = u.getRawUserInfo();
        return info == null ? raw : raw.replace(info + "@", "");
    }

    /** A sink that passes on only this shard's items. */
    public RequestSink filter(RequestSink next) {
        return new RequestSink() {
            @Override
            public void submit(dev.haul.core.DownloadRequest request) {
                if (contains(request.url())) next.submit(request);
            }

            @Override
            public void reject(String rawUrl, String message) {
                if (containsText(Secrets.maskUrl(rawUrl))) next.reject(rawUrl, message);
            }

            @Override
            public void finishInput() {
                next.finishInput();
            }
        };
    }
}
