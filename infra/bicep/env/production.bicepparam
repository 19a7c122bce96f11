// Production: zone-redundant PostgreSQL with 35 days of point-in-time restore and
// geo-redundant backups, a Standard (replicated) Redis, at least two API replicas.
// No secret here: see staging.bicepparam.
using '../main.bicep'

param environmentName = 'production'
// Outputs of foundation.bicep, exported by the deploy workflow.
param registryName = readEnvironmentVariable('ARIA_REGISTRY_NAME')
param identityName = readEnvironmentVariable('ARIA_IDENTITY_NAME')
param keyVaultName = readEnvironmentVariable('ARIA_KEY_VAULT_NAME')
param apiImageTag = readEnvironmentVariable('ARIA_API_IMAGE_TAG')
param jobImageTag = readEnvironmentVariable('ARIA_JOB_IMAGE_TAG')

param postgresAdminPassword = readEnvironmentVariable('POSTGRES_ADMIN_PASSWORD')
param postgresSkuName = 'Standard_D2ds_v5'
param postgresSkuTier = 'GeneralPurpose'
param postgresStorageSizeGB = 128
param postgresBackupRetentionDays = 35
param postgresGeoRedundantBackup = true
param postgresHighAvailability = true

param redisSkuName = 'Standard'
param redisCapacity = 1
param srhToken = readEnvironmentVariable('SRH_TOKEN')

param apiCpu = '1.0'
param apiMemory = '2Gi'
param apiMinReplicas = 2
param apiMaxReplicas = 10
param databasePoolMax = 10
param logLevel = 'info'
param otelSampleRatio = '0.2'
param corsOrigins = readEnvironmentVariable('ARIA_CORS_ORIGINS', '')
// Add a provider here once its secret is in Key Vault (a missing secret fails the revision),
// e.g. { env: 'OPENAI_API_KEY', secret: 'openai-api-key' }.
param optionalSecrets = []

param deployWorker = false

param logRetentionDays = 90
param alertEmail = readEnvironmentVariable('ARIA_ALERT_EMAIL')
