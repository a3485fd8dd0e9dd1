#pragma once
// Normal density, CDF, and the bivariate normal CDF Φ₂(h, k; r) (theory.md §5.5).

namespace aedyn {

double normalPdf(double x);  // φ
double normalCdf(double x);  // Φ
// P(Z₁ < h, Z₂ < k) for standard normals with correlation r ∈ [−1, 1].
double bivariateNormalCdf(double h, double k, double r);

} // namespace aedyn
