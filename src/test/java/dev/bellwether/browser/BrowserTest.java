package dev.bellwether.browser;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on a random port, driven by headless Chromium: declare a
 * {@link Browser} parameter to get a fresh browser for each test. All browser tests share
 * one application context. Without Chromium the tests are skipped with a message, unless
 * {@code -Dbellwether.browser-tests.required=true} (or {@code CI=true}) makes them
 * mandatory. Name the classes {@code *IT} so that failsafe runs them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(BrowserExtension.class)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public @interface BrowserTest {

}
