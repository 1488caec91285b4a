package org.yqsentinel.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the real Chromium of this machine; fails (is not skipped) when there is none. */
class BrowserTest {

    private static final String TITLE = "舆情简报";
    private static final String DOCUMENT_NUMBER = "江教发〔2026〕7号";
    private static final int RED = 0xD62728;
    private static final int RECTANGLE_WIDTH = 300;
    private static final int RECTANGLE_HEIGHT = 200;
    private static final String PAGE = """
            <!doctype html>
            <html lang="zh-CN">
            <head><meta charset="utf-8"><title>%1$s</title>
            <style>body { margin: 0; font-family: "WenQuanYi Micro Hei", sans-serif; } h1 { font-size: 28px; margin: 16px; }</style>
            </head>
            <body>
            <h1>%1$s %2$s</h1>
            <svg width="%3$d" height="%4$d" style="display: block"><rect width="%3$d" height="%4$d" fill="#%5$06X"/></svg>
            </body>
            </html>
            """.formatted(TITLE, DOCUMENT_NUMBER, RECTANGLE_WIDTH, RECTANGLE_HEIGHT, RED);

    private static Browser browser;

    @TempDir
    Path dir;

    @BeforeAll
    static void findTheBrowser() {
        browser = Browser.find().orElseThrow(() -> new AssertionError("no Chromium found (" + Browser.EXECUTABLE_VARIABLE
                + " is unset and none of " + Browser.USUAL_PLACES + " is executable); run scripts/ensure-browser, which"
                + " installs Chromium and a Chinese font"));
    }

    @Test
    void printsChineseTextToPdfWithItsFontEmbedded() throws IOException {
        Path html = page();
        Path pdf = dir.resolve("brief.pdf");

        long started = System.nanoTime();
        browser.printToPdf(html, pdf);
        System.out.printf("printToPdf of a one-page brief took %d ms%n", (System.nanoTime() - started) / 1_000_000);

        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            assertThat(document.getNumberOfPages()).isGreaterThanOrEqualTo(1);
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains(TITLE).contains(DOCUMENT_NUMBER);
        }
    }

    @Test
    void screenshotShowsTheColouredRectangle() throws IOException {
        Path png = dir.resolve("brief.png");

        browser.screenshot(page(), png, 800, 600);

        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).as("a PNG image").isNotNull();
        assertThat(image.getWidth()).isGreaterThanOrEqualTo(RECTANGLE_WIDTH);
        int red = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (near(image.getRGB(x, y), RED)) {
                    red++;
                }
            }
        }
        assertThat(red).as("pixels of the rectangle's colour").isGreaterThan(RECTANGLE_WIDTH * RECTANGLE_HEIGHT / 2);
    }

    @Test
    void aFailingBrowserIsReportedWithItsExitCodeAndOutput() throws IOException {
        Browser failing = new Browser(script("echo 'noise on stderr' >&2; echo 'ERROR: cannot open display' >&2; exit 3"),
                Duration.ofSeconds(10));

        assertThatThrownBy(() -> failing.printToPdf(page(), dir.resolve("out.pdf")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("exited with code 3")
                .hasMessageContaining("ERROR: cannot open display");
    }

    @Test
    void aBrowserThatWritesNothingIsAFailureEvenWhenItExitsNormally() throws IOException {
        Browser silent = new Browser(script("echo 'Fontconfig warning: ignoring UTF-8' >&2; exit 0"), Duration.ofSeconds(10));

        assertThatThrownBy(() -> silent.screenshot(page(), dir.resolve("out.png"), 800, 600))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("out.png was not written")
                .hasMessageContaining("Fontconfig warning");
    }

    @Test
    void aBrowserThatHangsIsKilledAtTheTimeout() throws IOException {
        Browser hanging = new Browser(script("echo 'starting' >&2; sleep 30"), Duration.ofSeconds(1));

        assertThatThrownBy(() -> hanging.printToPdf(page(), dir.resolve("out.pdf")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("within 1 s and was killed")
                .hasMessageContaining("starting");
    }

    @Test
    void theConfiguredExecutableComesBeforeTheUsualPlaces() throws IOException {
        Path configured = script("exit 0");
        Path usual = script("exit 0");

        assertThat(Browser.find(configured.toString(), List.of(usual))).map(Browser::executable).contains(configured);
        assertThat(Browser.find(null, List.of(dir.resolve("absent"), usual))).map(Browser::executable).contains(usual);
        assertThat(Browser.find("  ", List.of(dir.resolve("absent")))).isEmpty();
        assertThatThrownBy(() -> Browser.find(dir.resolve("absent").toString(), List.of(usual)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(Browser.EXECUTABLE_VARIABLE + " is set to");
    }

    private Path page() throws IOException {
        Path html = dir.resolve("brief.html");
        if (!Files.exists(html)) {
            Files.writeString(html, PAGE, StandardCharsets.UTF_8);
        }
        return html;
    }

    /** A stand-in browser: a shell script with this body. */
    private Path script(String body) throws IOException {
        Path script = Files.createTempFile(dir, "browser-", ".sh");
        Files.writeString(script, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    private static boolean near(int argb, int rgb) {
        return Math.abs(((argb >> 16) & 0xFF) - ((rgb >> 16) & 0xFF)) <= 8
                && Math.abs(((argb >> 8) & 0xFF) - ((rgb >> 8) & 0xFF)) <= 8
                && Math.abs((argb & 0xFF) - (rgb & 0xFF)) <= 8;
    }
}
