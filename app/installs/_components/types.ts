export interface InstallSummary {
  id: string;
  name: string;
  status: string;
  hosts: number;
  updatedAt: string;
}
