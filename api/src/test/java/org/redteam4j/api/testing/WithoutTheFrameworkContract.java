package org.redteam4j.api.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.redteam4j.api.Targets;
import org.redteam4j.api.spi.TargetAdapter;

/**
 * An application with an adapter's jar but without its framework (it is {@code provided}): the
 * adapter accepts nothing, quietly, and {@link Targets#from} still explains what it accepts. An
 * adapter module's test extends this.
 */
public abstract class WithoutTheFrameworkContract {

    /** The adapter's class, whose jar (or class folder) is loaded with the api's and nothing but the JDK. */
    protected abstract Class<? extends TargetAdapter> adapter();

    /** A class of the framework, which must then be absent. */
    protected abstract String frameworkClass();

    /** What {@link TargetAdapter#accepts()} says, which {@code Targets.from}'s message names. */
    protected abstract String accepts();

    private URLClassLoader withoutTheFramework() {
        URL adapter = adapter().getProtectionDomain().getCodeSource().getLocation();
        URL api = Targets.class.getProtectionDomain().getCodeSource().getLocation();
        return new URLClassLoader(new URL[] {adapter, api}, ClassLoader.getPlatformClassLoader());
    }

    @Test
    void theAdapterAcceptsNothingWhenItsFrameworkIsAbsent() throws Exception {
        try (URLClassLoader loader = withoutTheFramework()) {
            assertThatThrownBy(() -> loader.loadClass(frameworkClass())).isInstanceOf(ClassNotFoundException.class);
            Object adapter = loader.loadClass(adapter().getName()).getConstructor().newInstance();

            Object adapted = adapter.getClass().getMethod("adapt", Object.class).invoke(adapter, new Object());

            assertThat(adapted).isEqualTo(Optional.empty());
        }
    }

    @Test
    void targetsFromStillExplainsWhatItAccepts() throws Exception {
        try (URLClassLoader loader = withoutTheFramework()) {
            Class<?> targets = loader.loadClass(Targets.class.getName());

            assertThatThrownBy(() -> targets.getMethod("from", Object.class).invoke(null, new Object()))
                    .isInstanceOf(InvocationTargetException.class).cause()
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(accepts());
        }
    }
}
