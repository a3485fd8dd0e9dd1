#pragma once
// What every panel of the dashboard is: it redraws itself from the results model and draws in the style it is
// given (screen, lecture, print). The window, the lecture mode and the figure exporter talk to panels only through
// this interface.
#include "ChartStyle.h"
#include "RunResults.h"

class DashboardChart {
public:
    virtual ~DashboardChart() = default;
    virtual void refresh(const aedyn::RunResults& results) = 0;
    // Applies from the next refresh on.
    virtual void setChartStyle(const ChartStyle& style) { style_ = style; }
    const ChartStyle& chartStyle() const { return style_; }

protected:
    ChartStyle style_;
};
