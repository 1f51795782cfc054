package dev.haul.core.transport;

import dev.haul.core.EngineConfig;
import io.netty.channel.EventLoop;

/** STUB: replaced by the real Netty transport. */
public final class Transport {
    public Transport(EngineConfig c) {}
    public EventLoop loop() { throw new UnsupportedOperationException(); }
    public void close(Runnable beforeStop) {}
}
