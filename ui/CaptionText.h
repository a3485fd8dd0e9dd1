#pragma once
// Preset captions are plain text in the preset files (read by the CLI too); on screen their exponents and indices
// are typeset: "t^−1/6" → t<sup>−1/6</sup>, "ρ_i" → ρ<sub>i</sub>, everything else HTML-escaped.
#include <QString>

QString captionHtml(const QString& plain);
