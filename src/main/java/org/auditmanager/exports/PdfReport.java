package org.auditmanager.exports;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;

/**
 * A plain A4 report written with OpenPDF: a title, a few lines under it, then sections of tables, and a footer
 * with the page number on every page. The font is embedded (Liberation Sans, shipped with OpenPDF) so that any
 * name or justification prints as typed, whatever its alphabet.
 */
final class PdfReport {

    private static final String FONT = "font-fallback/LiberationSans-Regular.ttf";
    private static final BaseFont BASE = loadFont();
    private static final Color MUTED = new Color(0x5b, 0x66, 0x75);
    private static final Color LINE = new Color(0xd8, 0xde, 0xe6);
    private static final Color HEADER = new Color(0xe7, 0xed, 0xf4);

    private final Font titleFont = new Font(BASE, 16, Font.BOLD);
    private final Font headingFont = new Font(BASE, 12, Font.BOLD);
    private final Font bodyFont = new Font(BASE, 9);
    private final Font mutedFont = new Font(BASE, 9, Font.NORMAL, MUTED);
    private final Font headerFont = new Font(BASE, 8.5f, Font.BOLD);
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final Document document;

    /** @param footer printed at the foot of every page, followed by the page number */
    PdfReport(String title, String footer, boolean landscape) {
        document = new Document(landscape ? PageSize.A4.rotate() : PageSize.A4, 40, 40, 40, 50);
        PdfWriter writer = PdfWriter.getInstance(document, out);
        Font footerFont = new Font(BASE, 7.5f, Font.NORMAL, MUTED);
        writer.setPageEvent(new PdfPageEventHelper() {
            @Override
            public void onEndPage(PdfWriter pages, Document page) {
                ColumnText.showTextAligned(pages.getDirectContent(), Element.ALIGN_LEFT,
                        new Phrase(footer + " " + pages.getPageNumber(), footerFont),
                        page.left(), page.bottom() - 20, 0);
            }
        });
        document.addTitle(title);
        document.addCreator("Audit Engagement Manager");
        document.open();
        Paragraph heading = new Paragraph(title, titleFont);
        heading.setSpacingAfter(4);
        document.add(heading);
    }

    void line(String text) {
        document.add(new Paragraph(text, mutedFont));
    }

    /** A centred paragraph, for documents that are read as a statement (a certificate) rather than a table. */
    void statement(String text, float size, boolean bold) {
        Paragraph paragraph = new Paragraph(text, new Font(BASE, size, bold ? Font.BOLD : Font.NORMAL));
        paragraph.setAlignment(Element.ALIGN_CENTER);
        paragraph.setSpacingBefore(size);
        document.add(paragraph);
    }

    void section(SectionContent section) {
        Paragraph heading = new Paragraph(section.title(), headingFont);
        heading.setSpacingBefore(14);
        heading.setSpacingAfter(6);
        document.add(heading);
        if (section.rows().isEmpty()) {
            document.add(new Paragraph(section.whenEmpty(), mutedFont));
            return;
        }
        PdfPTable table = new PdfPTable(weights(section.weights()));
        table.setWidthPercentage(100);
        boolean facts = section.columns().isEmpty();
        if (!facts) {
            section.columns().forEach(column -> table.addCell(cell(column, headerFont, HEADER)));
            table.setHeaderRows(1);
        }
        for (List<String> row : section.rows()) {
            if (row.size() == 1) {
                PdfPCell group = cell(row.get(0), headerFont, null);
                group.setColspan(section.weights().size());
                table.addCell(group);
                continue;
            }
            for (int column = 0; column < row.size(); column++) {
                table.addCell(cell(row.get(column), facts && column == 0 ? mutedFont : bodyFont, null));
            }
        }
        document.add(table);
    }

    byte[] finish() {
        document.close();
        return out.toByteArray();
    }

    private static PdfPCell cell(String text, Font font, Color background) {
        PdfPCell cell = new PdfPCell(new Phrase(ExportText.orNone(text), font));
        cell.setPadding(4);
        cell.setBorderColor(LINE);
        cell.setBorder(Rectangle.BOTTOM);
        if (background != null) {
            cell.setBackgroundColor(background);
        }
        return cell;
    }

    private static float[] weights(List<Integer> weights) {
        float[] widths = new float[weights.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = weights.get(i);
        }
        return widths;
    }

    private static BaseFont loadFont() {
        try (InputStream in = PdfReport.class.getClassLoader().getResourceAsStream(FONT)) {
            if (in == null) {
                throw new IllegalStateException(FONT + " is missing from the OpenPDF jar");
            }
            return BaseFont.createFont("LiberationSans-Regular.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true,
                    in.readAllBytes(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
