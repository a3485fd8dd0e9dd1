#pragma once

class QChart;

// Qt Charts draws each scatter point as a graphics item of its own: a shape stroked and filled with antialiasing,
// point by point, at every repaint of the series. On screen the markers are drawn instead as one prepared image per
// series (Qt's "light marker"), rendered at the screen's pixel ratio and renewed when the series' shape, size, pen
// or brush changes. For charts on screen only: printed and vector figures keep drawn, vector markers.
void drawMarkersAsImages(QChart& chart, double devicePixelRatio);
