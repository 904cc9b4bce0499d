import { createBrowserRouter } from 'react-router';
import { NotFoundPage } from './components/NotFoundPage';
import { RouteError } from './components/RouteError';
import { AccountPage } from './features/account/AccountPage';
import { MfaSetupPage } from './features/account/MfaSetupPage';
import { ApiTokensPage } from './features/api-tokens/ApiTokensPage';
import { AuditPage } from './features/audit/AuditPage';
import { InvitePage } from './features/auth/InvitePage';
import { ForgotPasswordPage } from './features/auth/ForgotPasswordPage';
import { LoginPage } from './features/auth/LoginPage';
import { ResetPasswordPage } from './features/auth/ResetPasswordPage';
import { RequireAuth } from './features/auth/RequireAuth';
import { SetupPage } from './features/auth/SetupPage';
import { CatalogPage } from './features/catalog/CatalogPage';
import { FrameworkPage } from './features/catalog/FrameworkPage';
import { RequirementPage } from './features/catalog/RequirementPage';
import { AiSystemDetailPage, AiSystemNewPage } from './features/ai-systems/AiSystemDetailPage';
import { AiSystemsPage } from './features/ai-systems/AiSystemsPage';
import { ControlDetailPage, ControlNewPage } from './features/controls/ControlDetailPage';
import { ControlsPage } from './features/controls/ControlsPage';
import { AssessmentEditorPage } from './features/impact-assessments/AssessmentEditorPage';
import { ImpactAssessmentsPage } from './features/impact-assessments/ImpactAssessmentsPage';
import { SoaPage } from './features/soa/SoaPage';
import { ReadinessPage } from './features/readiness/ReadinessPage';
import { MembersPage } from './features/members/MembersPage';
import { RiskDetailPage, RiskNewPage } from './features/risks/RiskDetailPage';
import { RiskMatrixPage } from './features/risks/RiskMatrixPage';
import { RisksPage } from './features/risks/RisksPage';
import { DocumentNewPage, DocumentPage } from './features/documents/DocumentPage';
import { DocumentsPage } from './features/documents/DocumentsPage';
import { ImprovementPage } from './features/aims-improvement/ImprovementPage';
import { AuditTimePage } from './features/audit-time/AuditTimePage';
import { MandatoryChecklistPage } from './features/documents/MandatoryChecklistPage';
import { EvidenceDetailPage } from './features/evidence/EvidenceDetailPage';
import { EvidenceNewPage } from './features/evidence/EvidenceNewPage';
import { EvidencePage } from './features/evidence/EvidencePage';
import { ManagementSystemPage } from './features/aims-records/ManagementSystemPage';
import { BodySettingsPage } from './features/intake/BodySettingsPage';
import { ClientNewPage, ClientsPage } from './features/intake/ClientsPage';
import { ClientPage } from './features/intake/ClientPage';
import { EnquiriesPage } from './features/intake/EnquiriesPage';
import { EnquiryPage } from './features/intake/EnquiryPage';
import { QuotePage } from './features/intake/QuotePage';
import { RegisterCertificatePage } from './features/register/RegisterCertificatePage';
import { RegisterSearchPage } from './features/register/RegisterSearchPage';
import { ProposalAcceptPage } from './features/proposals/ProposalAcceptPage';
import { ProposalNewPage } from './features/proposals/ProposalNewPage';
import { ProposalPage } from './features/proposals/ProposalPage';
import { ProposalsPage } from './features/proposals/ProposalsPage';
import { EngagementPage } from './features/certification/EngagementPage';
import { EngagementsPage } from './features/certification/EngagementsPage';
import { OrgFindingPage } from './features/findings/OrgFindingPage';
import { OrgFindingsPage } from './features/findings/OrgFindingsPage';
import { FindingPage } from './features/findings/FindingPage';
import { ToReviewPage } from './features/findings/ToReviewPage';
import { EngagementEvidencePage } from './features/evidence/EngagementEvidencePage';
import { Soc2ProgrammePage } from './features/soc2-programme/Soc2ProgrammePage';
import { ReaderPage as Soc2ReaderPage } from './features/soc2-readers/ReaderPage';
import { Soc2ExaminationPage } from './features/soc2-programme/Soc2ExaminationPage';
import { RequestPage as Soc2RequestPage } from './features/soc2-programme/RequestPage';
import { SurveillancePage } from './features/cycle/SurveillancePage';
import { AuditPage as CertAuditPage } from './features/audits/AuditPage';
import { AuditsPage } from './features/audits/AuditsPage';
import { AuditorsPage } from './features/auditors/AuditorsPage';
import { CertificatePage } from './features/certificates/CertificatePage';
import { CertificatesPage } from './features/certificates/CertificatesPage';
import { DecisionPage } from './features/decisions/DecisionPage';
import { DecisionsPage } from './features/decisions/DecisionsPage';
import { NewDecisionPage } from './features/decisions/NewDecisionPage';
import { TechnicalReviewPage } from './features/decisions/TechnicalReviewPage';
import { TechnicalReviewsPage } from './features/decisions/TechnicalReviewsPage';
import { ExaminationNewPage } from './features/soc2-examinations/ExaminationNewPage';
import { ExaminationPage } from './features/soc2-examinations/ExaminationPage';
import { ExaminationsPage } from './features/soc2-examinations/ExaminationsPage';
import { NdaPage as Soc2NdaPage } from './features/soc2-examinations/NdaPage';
import { CreateTenantPage } from './features/tenants/CreateTenantPage';
import { HomePage } from './features/tenants/HomePage';
import { TenantOverviewPage } from './features/tenants/TenantOverviewPage';
import { TenantRoute } from './features/tenants/TenantRoute';
import { TenantSettingsPage } from './features/tenants/TenantSettingsPage';

const BodyCertificatePage = () => <CertificatePage side="body" />;
const OrgCertificatePage = () => <CertificatePage side="organization" />;

export const router = createBrowserRouter([
  { path: '/setup', Component: SetupPage, ErrorBoundary: RouteError },
  { path: '/login', Component: LoginPage, ErrorBoundary: RouteError },
  { path: '/invite/:token', Component: InvitePage, ErrorBoundary: RouteError },
  { path: '/forgot-password', Component: ForgotPasswordPage, ErrorBoundary: RouteError },
  { path: '/reset-password', Component: ResetPasswordPage, ErrorBoundary: RouteError },
  { path: '/quote/:bodySlug', Component: QuotePage, ErrorBoundary: RouteError },
  { path: '/proposal/:token', Component: ProposalAcceptPage, ErrorBoundary: RouteError },
  { path: '/reader/:token', Component: Soc2ReaderPage, ErrorBoundary: RouteError },
  { path: '/register', Component: RegisterSearchPage, ErrorBoundary: RouteError },
  { path: '/register/:number', Component: RegisterCertificatePage, ErrorBoundary: RouteError },
  {
    Component: RequireAuth,
    ErrorBoundary: RouteError,
    children: [
      { index: true, Component: HomePage },
      { path: 'tenants/new', Component: CreateTenantPage },
      {
        path: 't/:tenantId',
        Component: TenantRoute,
        children: [
          { index: true, Component: TenantOverviewPage },
          { path: 'members', Component: MembersPage },
          { path: 'api-tokens', Component: ApiTokensPage },
          { path: 'audit', Component: AuditPage },
          { path: 'settings', Component: TenantSettingsPage },
          { path: 'ai-systems', Component: AiSystemsPage },
          { path: 'ai-systems/new', Component: AiSystemNewPage },
          { path: 'ai-systems/:aiSystemId', Component: AiSystemDetailPage },
          { path: 'risks', Component: RisksPage },
          { path: 'risks/new', Component: RiskNewPage },
          { path: 'risks/matrix', Component: RiskMatrixPage },
          { path: 'risks/:riskId', Component: RiskDetailPage },
          { path: 'documents', Component: DocumentsPage },
          { path: 'documents/new', Component: DocumentNewPage },
          { path: 'documents/mandatory', Component: MandatoryChecklistPage },
          { path: 'documents/:documentId', Component: DocumentPage },
          { path: 'evidence', Component: EvidencePage },
          { path: 'evidence/new', Component: EvidenceNewPage },
          { path: 'evidence/:evidenceId', Component: EvidenceDetailPage },
          { path: 'impact-assessments', Component: ImpactAssessmentsPage },
          { path: 'impact-assessments/:assessmentId', Component: AssessmentEditorPage },
          { path: 'controls', Component: ControlsPage },
          { path: 'controls/new', Component: ControlNewPage },
          { path: 'controls/:controlId', Component: ControlDetailPage },
          { path: 'readiness', Component: ReadinessPage },
          { path: 'readiness/:frameworkId', Component: ReadinessPage },
          { path: 'soa', Component: SoaPage },
          { path: 'soa/versions/:number', Component: SoaPage },
          { path: 'management-system', Component: ManagementSystemPage },
          { path: 'management-system/:tab', Component: ManagementSystemPage },
          { path: 'improvement', Component: ImprovementPage },
          { path: 'improvement/:tab', Component: ImprovementPage },
          { path: 'audit-time', Component: AuditTimePage },
          { path: 'enquiries', Component: EnquiriesPage },
          { path: 'enquiries/:enquiryId', Component: EnquiryPage },
          { path: 'clients', Component: ClientsPage },
          { path: 'clients/new', Component: ClientNewPage },
          { path: 'clients/:clientId', Component: ClientPage },
          { path: 'body-settings', Component: BodySettingsPage },
          { path: 'proposals', Component: ProposalsPage },
          { path: 'proposals/new', Component: ProposalNewPage },
          { path: 'proposals/:proposalId', Component: ProposalPage },
          { path: 'certification', Component: EngagementsPage },
          { path: 'certification/findings', Component: OrgFindingsPage },
          { path: 'certification/findings/:findingId', Component: OrgFindingPage },
          { path: 'certification/:engagementId', Component: EngagementPage },
          { path: 'soc2-programme', Component: Soc2ProgrammePage },
          { path: 'soc2-programme/requests/:requestId', Component: Soc2RequestPage },
          // The request reminder mails link here.
          { path: 'soc2/requests/:requestId', Component: Soc2RequestPage },
          { path: 'soc2-programme/:examinationId', Component: Soc2ExaminationPage },
          { path: 'soc2-programme/:examinationId/:tab', Component: Soc2ExaminationPage },
          { path: 'audits', Component: AuditsPage },
          { path: 'findings', Component: ToReviewPage },
          { path: 'findings/:findingId', Component: FindingPage },
          { path: 'engagements/:engagementId/evidence/:evidenceId', Component: EngagementEvidencePage },
          { path: 'surveillance', Component: SurveillancePage },
          { path: 'audits/:auditId', Component: CertAuditPage },
          { path: 'audits/:auditId/:tab', Component: CertAuditPage },
          { path: 'auditors', Component: AuditorsPage },
          { path: 'certificates', Component: CertificatesPage },
          { path: 'certificates/:certificateId', Component: BodyCertificatePage },
          { path: 'certification/certificates/:certificateId', Component: OrgCertificatePage },
          { path: 'soc2-examinations', Component: ExaminationsPage },
          { path: 'soc2-examinations/new', Component: ExaminationNewPage },
          { path: 'soc2-examinations/:examinationId', Component: ExaminationPage },
          { path: 'soc2-examinations/:examinationId/:tab', Component: ExaminationPage },
          { path: 'soc2-nda', Component: Soc2NdaPage },
          { path: 'decisions', Component: DecisionsPage },
          { path: 'decisions/new', Component: NewDecisionPage },
          { path: 'decisions/:decisionId', Component: DecisionPage },
          { path: 'technical-reviews', Component: TechnicalReviewsPage },
          { path: 'technical-reviews/:reviewId', Component: TechnicalReviewPage },
        ],
      },
      { path: 'catalog', Component: CatalogPage },
      { path: 'catalog/:frameworkId', Component: FrameworkPage },
      { path: 'catalog/:frameworkId/requirements/:ref', Component: RequirementPage },
      { path: 'account', Component: AccountPage },
      { path: 'account/mfa', Component: MfaSetupPage },
      { path: '*', Component: NotFoundPage },
    ],
  },
]);
