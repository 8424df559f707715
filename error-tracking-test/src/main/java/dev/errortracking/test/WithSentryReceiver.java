package dev.errortracking.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.ContextCustomizerFactories;

/**
 * Starts a {@link SentryReceiver} for the test's application context, sets {@code sentry.dsn} to point at it and
 * registers it as a bean, so that a test can {@code @Autowired} it. The receiver closes with the context.
 * <p>
 * The Sentry SDK is one per JVM: the application context started last owns it. Let every test class that asserts
 * on Sentry share one context configuration, or mark it {@code @DirtiesContext}, so that a cached context never
 * reports through another context's SDK.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ContextCustomizerFactories(SentryReceiverContextCustomizerFactory.class)
public @interface WithSentryReceiver {

}
