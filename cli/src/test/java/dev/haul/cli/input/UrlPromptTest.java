package dev.haul.cli.input;

import dev.haul.cli.progress.Selection;
import dev.haul.cli.progress.Snapshots;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The add-URL prompt behind the a key, fed typed keys: what reaches the engine, and when the run may end. */
class UrlPromptTest {
    private final FakeEngine engine = new FakeEngine();
    private final Prompt prompt = new Prompt();

    private List<String> type(String keys) {
        engine.snapshot = Snapshots.active(2);
        new KeyReader(new FedKeys(keys), new KeyBindings(engine, new Selection(), 1), prompt).loop();
        return engine.calls;
    }

    @Test
    void enterQueuesTheLineWithItsOptionsAndKeysWorkAgainAfter() {
        assertEquals(List.of("hold", "add http://h/x out=y.bin", "release", "jobs 2"),
                type("ahttp://h/x out=y.bin\r+"));
        assertNull(prompt.text(), "the prompt is closed");
    }

    @Test
    void escapeCancelsAndNothingIsQueued() {
        assertEquals(List.of("hold", "release"), type("ahttp://h/x\u001b"));
    }

    @Test
    void backspaceAndCtrlUEdit() {
        assertEquals(List.of("hold", "add http://h/ab", "release"), type("ahttp://h/ax\u007fb\r"));
        engine.calls.clear();
        assertEquals(List.of("hold", "add http://y/", "release"), type("ahttp://x/\u0015http://y/\r"));
    }

    @Test
    void lettersThatAreKeysElsewhereAreTextInThePrompt() {
        assertEquals(List.of("hold", "add http://h/cjpq", "release"), type("ahttp://h/cjpq\r"));
    }

    @Test
    void ctrlCInThePromptQuits() {
        assertEquals(List.of("hold", "stop", "release"), type("ahttp://h/\u0003"));
    }

    @Test
    void anEmptyLineQueuesNothing() {
        assertEquals(List.of("hold", "release"), type("a   \r"));
    }

    @Test
    void aBadUrlIsExplainedAndThePromptAsksAgainKeepingTheText() {
        engine.snapshot = Snapshots.active(2);
        List<String> problems = new java.util.ArrayList<>();
        KeySource keys = new FedKeys("ahtp://x\r") {
            @Override
            public int read(long timeoutMillis) {
                int c = super.read(timeoutMillis);
                if (c == KeySource.EOF && problems.isEmpty()) {
                    problems.add(String.valueOf(prompt.problem()));
                    problems.add(prompt.text());
                }
                return c;
            }
        };
        new KeyReader(keys, new KeyBindings(engine, new Selection(), 1), prompt).loop();
        assertEquals(List.of("hold", "release"), engine.calls, "nothing queued, nothing failed");
        assertTrue(problems.get(0).contains("htp://"), problems.get(0)); // the message names what was typed wrong
        assertEquals("htp://x", problems.get(1), "the typed text stays to be fixed");
    }

    @Test
    void afterABadUrlTheFixedOneIsQueued() {
        assertEquals(List.of("hold", "add http://x/", "release"), type("ahtp://x/\r\u0015http://x/\r"));
    }
}
