/** Common Iraqi names with everyday Latin transliterations, for synthetic demo data. */
export const MALE_NAMES: [string, string][] = [
  ['محمد', 'Mohammed'], ['علي', 'Ali'], ['حسين', 'Hussein'], ['حسن', 'Hassan'], ['أحمد', 'Ahmed'], ['عمر', 'Omar'],
  ['مصطفى', 'Mustafa'], ['عباس', 'Abbas'], ['كاظم', 'Kadhim'], ['جعفر', 'Jaafar'], ['يوسف', 'Yousif'], ['إبراهيم', 'Ibrahim'],
  ['خالد', 'Khalid'], ['سعد', 'Saad'], ['حيدر', 'Haider'], ['قاسم', 'Qasim'], ['مهدي', 'Mahdi'], ['كريم', 'Karim'],
  ['سلمان', 'Salman'], ['زيد', 'Zaid'], ['عدنان', 'Adnan'], ['فاضل', 'Fadhil'], ['رياض', 'Riyadh'], ['نبيل', 'Nabil'],
  ['صادق', 'Sadiq'], ['طارق', 'Tariq'], ['ماجد', 'Majid'], ['جاسم', 'Jasim'], ['ياسر', 'Yasir'], ['منتظر', 'Muntadhar'],
];

export const FEMALE_NAMES: [string, string][] = [
  ['فاطمة', 'Fatima'], ['زينب', 'Zainab'], ['مريم', 'Maryam'], ['نور', 'Noor'], ['سارة', 'Sara'], ['رقية', 'Ruqaya'],
  ['هدى', 'Huda'], ['آمنة', 'Amina'], ['شهد', 'Shahad'], ['دعاء', 'Duaa'], ['إسراء', 'Israa'], ['رنا', 'Rana'],
  ['سجى', 'Suja'], ['بتول', 'Batool'], ['حوراء', 'Hawraa'], ['ليلى', 'Layla'], ['أسماء', 'Asmaa'], ['هبة', 'Hiba'],
  ['غفران', 'Ghufran'], ['ضحى', 'Dhuha'], ['رشا', 'Rasha'], ['وسن', 'Wasan'], ['منى', 'Muna'], ['عائشة', 'Aisha'],
];

export const FAMILY_NAMES: [string, string][] = [
  ['الجبوري', 'Al-Jubouri'], ['التميمي', 'Al-Tamimi'], ['الدليمي', 'Al-Dulaimi'], ['العبيدي', 'Al-Obaidi'], ['الموسوي', 'Al-Musawi'],
  ['الحسيني', 'Al-Husseini'], ['الشمري', 'Al-Shammari'], ['الزبيدي', 'Al-Zubaidi'], ['الخزرجي', 'Al-Khazraji'], ['الربيعي', 'Al-Rubaie'],
  ['الساعدي', 'Al-Saadi'], ['الكعبي', 'Al-Kaabi'], ['الجنابي', 'Al-Janabi'], ['العزاوي', 'Al-Azzawi'], ['البياتي', 'Al-Bayati'],
  ['الحكيم', 'Al-Hakim'], ['الطائي', 'Al-Taie'], ['السامرائي', 'Al-Samarrai'], ['الأنصاري', 'Al-Ansari'], ['المالكي', 'Al-Maliki'],
];

export const FACILITIES = ['Yarmouk Teaching Hospital', 'Medical City', 'Basra Maternity Hospital', 'Al-Sadr Teaching Hospital', 'Al-Zahraa Maternity Hospital', 'Home birth'];
