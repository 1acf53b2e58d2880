/** The 18 governorates (ISO 3166-2:IQ) and the code of each one's main office: reference data. */
export const GOVERNORATES = [
  { code: 'IQ-AN', name: 'Anbar', nameAr: 'الأنبار', office: 'ANB' },
  { code: 'IQ-BB', name: 'Babil', nameAr: 'بابل', office: 'BBL' },
  { code: 'IQ-BG', name: 'Baghdad', nameAr: 'بغداد', office: 'BGD' },
  { code: 'IQ-BA', name: 'Basra', nameAr: 'البصرة', office: 'BSR' },
  { code: 'IQ-DQ', name: 'Dhi Qar', nameAr: 'ذي قار', office: 'DHQ' },
  { code: 'IQ-DI', name: 'Diyala', nameAr: 'ديالى', office: 'DYL' },
  { code: 'IQ-DA', name: 'Duhok', nameAr: 'دهوك', office: 'DHK' },
  { code: 'IQ-AR', name: 'Erbil', nameAr: 'أربيل', office: 'ERB' },
  { code: 'IQ-KA', name: 'Karbala', nameAr: 'كربلاء', office: 'KRB' },
  { code: 'IQ-KI', name: 'Kirkuk', nameAr: 'كركوك', office: 'KRK' },
  { code: 'IQ-MA', name: 'Maysan', nameAr: 'ميسان', office: 'MYS' },
  { code: 'IQ-MU', name: 'Muthanna', nameAr: 'المثنى', office: 'MUT' },
  { code: 'IQ-NA', name: 'Najaf', nameAr: 'النجف', office: 'NJF' },
  { code: 'IQ-NI', name: 'Nineveh', nameAr: 'نينوى', office: 'NNW' },
  { code: 'IQ-QA', name: 'Qadisiyah', nameAr: 'القادسية', office: 'QAD' },
  { code: 'IQ-SD', name: 'Salah ad-Din', nameAr: 'صلاح الدين', office: 'SLD' },
  { code: 'IQ-SU', name: 'Sulaymaniyah', nameAr: 'السليمانية', office: 'SUL' },
  { code: 'IQ-WA', name: 'Wasit', nameAr: 'واسط', office: 'WST' },
] as const;

export const MAIN_OFFICES = GOVERNORATES.map((g) => ({
  code: g.office,
  name: `${g.name} main office`,
  governorate: g.code,
  type: 'civil-status-office' as const,
  builtIn: true,
}));

/**
 * The governorates of the Kurdistan Region (Erbil, Sulaymaniyah, Duhok): its own personal status
 * rules (civil-status/law.ts) and Kurdish beside Arabic apply to offices there.
 */
export const KURDISTAN_REGION_GOVERNORATES: readonly string[] = ['IQ-AR', 'IQ-SU', 'IQ-DA'];
