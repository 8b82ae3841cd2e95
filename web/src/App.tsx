import { Link, Route, Routes } from "react-router-dom";
import { AuthProvider } from "./auth/AuthContext";
import { RequireAuth } from "./auth/RequireAuth";
import { Layout } from "./components/Layout";
import { AuthPage } from "./pages/AuthPage";
import { ClipEditorPage } from "./pages/ClipEditorPage";
import { DashboardPage } from "./pages/DashboardPage";
import { JobPage } from "./pages/JobPage";
import { UploadPage } from "./pages/UploadPage";
import { VideoPage } from "./pages/VideoPage";

// The routes; the caller supplies the router (BrowserRouter in the app, MemoryRouter in tests).
export function App() {
  return (
    <AuthProvider>
      <Routes>
        <Route element={<Layout />}>
          <Route path="/login" element={<AuthPage mode="login" />} />
          <Route path="/register" element={<AuthPage mode="register" />} />
          <Route path="/" element={<RequireAuth><DashboardPage /></RequireAuth>} />
          <Route path="/upload" element={<RequireAuth><UploadPage /></RequireAuth>} />
          <Route path="/videos/:videoId" element={<RequireAuth><VideoPage /></RequireAuth>} />
          <Route path="/jobs/:jobId" element={<RequireAuth><JobPage /></RequireAuth>} />
          <Route path="/clips/:clipId/edit" element={<RequireAuth><ClipEditorPage /></RequireAuth>} />
          <Route path="*" element={<NotFound />} />
        </Route>
      </Routes>
    </AuthProvider>
  );
}

function NotFound() {
  return (
    <section>
      <h1>Page not found</h1>
      <p><Link to="/">Back to my videos</Link></p>
    </section>
  );
}
