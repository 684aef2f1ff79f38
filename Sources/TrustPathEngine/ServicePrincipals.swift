/// Services that only ever receive a role through `iam:PassRole` by a principal of the role's own account.
/// Trusting them without source conditions is not a cross-service confused deputy: nobody outside the
/// account can point them at the role. Each entry carries its reason, shown by `trustpath explain`.
public enum ServicePrincipals {
    public static let passRoleOnly: [String: String] = [
        "lambda.amazonaws.com": "Lambda uses a function's execution role, set with iam:PassRole by the function's owner",
        "ec2.amazonaws.com": "EC2 uses an instance profile's role, attached with iam:PassRole in the instance's account",
        "ecs-tasks.amazonaws.com": "ECS tasks use the task role set with iam:PassRole in the task definition's account",
        "edgelambda.amazonaws.com": "Lambda@Edge uses a function's execution role, passed by its owner",
        "glue.amazonaws.com": "Glue jobs and crawlers run with a role passed by their owner",
        "sagemaker.amazonaws.com": "SageMaker jobs and notebooks run with a role passed by their owner",
        "codebuild.amazonaws.com": "CodeBuild projects run with a service role passed by the project owner",
        "batch.amazonaws.com": "Batch compute environments use a role passed by their owner",
        "states.amazonaws.com": "Step Functions state machines run with a role passed by their owner",
        "elasticmapreduce.amazonaws.com": "EMR clusters run with roles passed by the cluster owner",
        "eks.amazonaws.com": "EKS clusters use a role passed by the cluster owner",
        "eks-fargate-pods.amazonaws.com": "Fargate pod execution roles are passed by the cluster owner",
        "ssm.amazonaws.com": "Systems Manager uses roles passed by the account that configures it",
        "apigateway.amazonaws.com": "API Gateway integrations use a role passed by the API owner",
        "datapipeline.amazonaws.com": "Data Pipeline uses roles passed by the pipeline owner",
        "codepipeline.amazonaws.com": "CodePipeline uses a service role passed by the pipeline owner",
        "cloudformation.amazonaws.com": "CloudFormation uses a service role passed by the stack owner",
        "firehose.amazonaws.com": "Firehose delivery streams use a role passed by the stream owner",
        "scheduler.amazonaws.com": "EventBridge Scheduler uses a role passed by the schedule owner",
        "pipes.amazonaws.com": "EventBridge Pipes use a role passed by the pipe owner",
    ]

    /// The reason a service is not an entry, or nil when it is one.
    public static func passRoleReason(_ service: String) -> String? {
        passRoleOnly[service.lowercased()]
    }
}
