package org.finfacts.core;

/** One engine for the whole test run: HanLP's dictionaries load once. */
public final class TestEngine {
    private static volatile Engine engine;

    private TestEngine() {
    }

    /** The shared engine with default configuration and the bundled models. */
    public static Engine get() {
        if (engine == null) {
            synchronized (TestEngine.class) {
                if (engine == null) {
                    engine = Engine.createDefault();
                }
            }
        }
        return engine;
    }
}
