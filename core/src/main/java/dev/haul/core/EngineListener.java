package dev.haul.core;

/**
 * Receives transfer events. Called on the event loop: an implementation must return at once and
 * never block (hand the event to another thread if it needs to write to a terminal or a pipe).
 */
@FunctionalInterface
public interface EngineListener {
    void onEvent(TransferEvent event);

    EngineListener NONE = e -> {};
}
