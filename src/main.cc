#include <cstdio>
int main() { std::puts("guidecheck " GUIDECHECK_VERSION); }
