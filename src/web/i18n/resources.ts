import en from './en.json';
import fr from './fr.json';
import aiSystemsEn from './modules/aiSystems.en.json';
import aiSystemsFr from './modules/aiSystems.fr.json';
import dashboardEn from './modules/dashboard.en.json';
import dashboardFr from './modules/dashboard.fr.json';
import impactAssessmentsEn from './modules/impactAssessments.en.json';
import impactAssessmentsFr from './modules/impactAssessments.fr.json';
import risksEn from './modules/risks.en.json';
import risksFr from './modules/risks.fr.json';

/*
 * Domain modules keep their strings in `modules/<namespace>.<lang>.json`, one file per module, so
 * that modules built side by side never edit the same file; each becomes a top-level key
 * (`t('risks.register.title')`). The shell's strings stay in en.json / fr.json.
 */
export const resources = {
  en: { ...en, aiSystems: aiSystemsEn, risks: risksEn, impactAssessments: impactAssessmentsEn, dashboard: dashboardEn },
  fr: { ...fr, aiSystems: aiSystemsFr, risks: risksFr, impactAssessments: impactAssessmentsFr, dashboard: dashboardFr },
};

export type TTranslation = (typeof resources)['en'];
