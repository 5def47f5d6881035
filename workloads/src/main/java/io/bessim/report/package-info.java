/**
 * The HTML report ({@code bessim report}, {@code --report FILE.html}): one self-contained page of
 * tables and charts drawn as inline SVG on the server side, so it opens offline in any browser and
 * runs no script.
 */
package io.bessim.report;
