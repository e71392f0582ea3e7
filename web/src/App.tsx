import { QueryClientProvider } from '@tanstack/react-query';
import { queryClient } from './api/cache.ts';
import { Routes } from './app/Routes.tsx';
import { AuthProvider } from './auth.tsx';
import { Layout } from './components/Layout.tsx';
import { RouterProvider } from './router.tsx';

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider>
        <AuthProvider>
          <Layout>
            <Routes />
          </Layout>
        </AuthProvider>
      </RouterProvider>
    </QueryClientProvider>
  );
}
